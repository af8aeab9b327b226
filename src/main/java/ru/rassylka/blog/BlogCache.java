package ru.rassylka.blog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.expiry.Duration;
import ru.rassylka.platform.Caches;
import ru.rassylka.platform.web.PageCache;

/**
 * The blog in the server's JCache: pages of the public list, published articles and the pool the
 * home page draws its articles from. A change of an article empties what it touches once the
 * change is committed (with the rendered pages of {@link PageCache}), on every instance of a cluster, and a
 * load that read the database before that commit does not put the old value back ({@link FreshReads});
 * the lifetimes only bound staleness of anything missed.
 */
@ApplicationScoped
public class BlogCache {

    static final String PAGES = "rassylka.blog.pages";
    static final String ARTICLES = "rassylka.blog.articles";
    static final String HOME = "rassylka.blog.home";
    static final String GENERATION = "rassylka.blog.generation";
    private static final String HOME_POOL = "pool";

    @Inject
    private CacheManager manager;

    @Inject
    private PageCache renderedPages;

    private Cache<Integer, ArticlePage> pages;
    private Cache<Long, ArticleView> articles;
    private Cache<String, ArrayList<ArticleCard>> home;
    private FreshReads reads;

    @PostConstruct
    void open() {
        pages = Caches.open(manager, PAGES, Duration.TEN_MINUTES);
        articles = Caches.open(manager, ARTICLES, Duration.ONE_HOUR);
        home = Caches.open(manager, HOME, Duration.ONE_MINUTE);
        reads = new FreshReads(entries(Caches.open(manager, GENERATION, Duration.ETERNAL)));
    }

    ArticlePage page(int number, Supplier<ArticlePage> load) {
        return reads.get(entries(pages), number, load);
    }

    Optional<ArticleView> article(long id, Supplier<Optional<ArticleView>> load) {
        return reads.find(entries(articles), id, load);
    }

    /** Whether the article is published, without reading it from the cache when it is there. */
    boolean isPublished(long id, Supplier<Optional<ArticleView>> load) {
        return articles.containsKey(id) || article(id, load).isPresent();
    }

    ArrayList<ArticleCard> homePool(Supplier<ArrayList<ArticleCard>> load) {
        return reads.get(entries(home), HOME_POOL, load);
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged changed) {
        reads.changed(() -> {
            articles.remove(changed.id());
            pages.removeAll();
            home.removeAll();
            renderedPages.clear();
        });
    }

    private static <K, V> FreshReads.Entries<K, V> entries(Cache<K, V> cache) {
        return new FreshReads.Entries<>() {
            @Override
            public V get(K key) {
                return cache.get(key);
            }

            @Override
            public void put(K key, V value) {
                cache.put(key, value);
            }

            @Override
            public void remove(K key) {
                cache.remove(key);
            }
        };
    }
}
