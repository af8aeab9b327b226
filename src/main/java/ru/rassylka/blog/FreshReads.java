package ru.rassylka.blog;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Reads through caches that an article change empties after its commit, so that a load which read
 * the database before that commit cannot put the old value back after the emptying (it would stay
 * for the cache's whole lifetime). Every change first stamps a new generation, then empties; a load
 * notes the generation before it reads, puts its value, and takes it out again when the generation
 * moved meanwhile. Whichever of the two comes last removes the old value: the change empties after
 * its stamp, the load checks after its put.
 */
final class FreshReads {

    /** The few operations of a cache these reads need: the server's JCache, shared by a cluster. */
    interface Entries<K, V> {
        V get(K key);

        void put(K key, V value);

        void remove(K key);
    }

    static final String GENERATION = "generation";

    private final Entries<String, Long> generations;

    /** Reads guarded by the generation kept in {@code generations}, which every instance of a cluster must share. */
    FreshReads(Entries<String, Long> generations) {
        this.generations = generations;
    }

    /** The cached value, or the loaded one, which is then cached unless an article changed during the load. */
    <K, V> V get(Entries<K, V> cache, K key, Supplier<V> load) {
        return find(cache, key, () -> Optional.of(load.get())).orElseThrow();
    }

    /** As {@link #get}, for values that may be missing; a missing value is not cached. */
    <K, V> Optional<V> find(Entries<K, V> cache, K key, Supplier<Optional<V>> load) {
        V cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Long before = generations.get(GENERATION);
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> {
            cache.put(key, value);
            if (!Objects.equals(before, generations.get(GENERATION))) {
                cache.remove(key);
            }
        });
        return loaded;
    }

    /**
     * After an article change committed: a new generation, then {@code forget} empties what the
     * change touched. A random stamp rather than a counter, since two instances changing at once
     * would both write the same next count.
     */
    void changed(Runnable forget) {
        generations.put(GENERATION, ThreadLocalRandom.current().nextLong());
        forget.run();
    }
}
