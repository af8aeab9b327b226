package ru.rassylka.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.expiry.Duration;
import ru.rassylka.platform.Caches;

/**
 * Whole pages as anonymous visitors see them, in the server's JCache, for a few seconds: what they
 * show (figures, articles) is cached anyway; this saves building the page for every visitor.
 */
@ApplicationScoped
public class PageCache {

    static final String NAME = "rassylka.pages";
    /** Short, so that the figures and the random home articles change for visitors too. */
    static final Duration LIFETIME = new Duration(TimeUnit.SECONDS, 10);

    @Inject
    private CacheManager manager;

    private Cache<String, CachedPage> pages;

    @PostConstruct
    void open() {
        pages = Caches.open(manager, NAME, LIFETIME);
    }

    CachedPage get(String key) {
        return pages.get(key);
    }

    void put(String key, CachedPage page) {
        pages.put(key, page);
    }

    /** Forgets every page, e.g. when an article changed. */
    public void clear() {
        pages.removeAll();
    }
}
