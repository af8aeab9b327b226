package ru.rassylka.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
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

    static final String GENERATION = "rassylka.pages.generation";
    private static final String CURRENT = "current";

    private Cache<String, CachedPage> pages;
    private Cache<String, Long> generations;

    @PostConstruct
    void open() {
        pages = Caches.open(manager, NAME, LIFETIME);
        generations = Caches.open(manager, GENERATION, Duration.ETERNAL);
    }

    /** A stamp noted before a page is rendered, so that a page rendered across a {@link #clear()} is not kept. */
    Long generation() {
        return generations.get(CURRENT);
    }

    CachedPage get(String key) {
        return pages.get(key);
    }

    /**
     * Keeps a page rendered since {@code generation} was noted, unless the pages were forgotten
     * meanwhile: whichever of the two comes last takes the old page out.
     */
    void put(String key, CachedPage page, Long generation) {
        pages.put(key, page);
        if (!Objects.equals(generation, generations.get(CURRENT))) {
            pages.remove(key);
        }
    }

    /** Forgets every page, e.g. when an article changed, and every page being rendered from before. */
    public void clear() {
        generations.put(CURRENT, ThreadLocalRandom.current().nextLong());
        pages.removeAll();
    }
}
