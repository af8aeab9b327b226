package ru.rassylka.platform;

import java.io.Serializable;
import java.util.Optional;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * Opens caches of the JCache provider that the server ships (Hazelcast on Payara, so a cluster
 * shares them) and reads through them. Values are stored by value: they must be serializable.
 */
public final class Caches {

    private Caches() {}

    /** The named cache, created with this lifetime of its entries if no instance created it yet. */
    public static <K, V> Cache<K, V> open(CacheManager manager, String name, Duration lifetime) {
        Cache<K, V> existing = manager.getCache(name);
        if (existing != null) {
            return existing;
        }
        MutableConfiguration<K, V> configuration = new MutableConfiguration<K, V>()
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(lifetime))
                .setStatisticsEnabled(false);
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException createdMeanwhile) {
            return manager.getCache(name);
        }
    }

    /** The cached value, or the loaded one, which is then cached. */
    public static <K, V extends Serializable> V get(Cache<K, V> cache, K key, Supplier<V> load) {
        V cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = load.get();
        cache.put(key, loaded);
        return loaded;
    }

    /** As {@link #get}, for values that may be missing; a missing value is not cached. */
    public static <K, V extends Serializable> Optional<V> find(Cache<K, V> cache, K key, Supplier<Optional<V>> load) {
        V cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> cache.put(key, value));
        return loaded;
    }
}
