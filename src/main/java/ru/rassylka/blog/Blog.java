package ru.rassylka.blog;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The public blog, for everyone: the list, an article (counting its views) and the home page's articles. */
@Stateless
@PermitAll
public class Blog {

    public static final int PAGE_SIZE = 10;
    public static final int HOME_ARTICLES = 3;
    /** The home page draws its articles from this many random published ones, chosen once a minute. */
    static final int HOME_POOL = 12;
    /** Pages beyond this are read from the database every time, so odd page numbers cannot fill the cache. */
    static final int CACHED_PAGES = 100;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private BlogCache cache;

    @Inject
    private ViewCounts views;

    /** A page of published articles, newest first; a number past the end gives the last page. */
    public ArticlePage page(int number) {
        int wanted = Math.max(1, number);
        return wanted <= CACHED_PAGES ? cache.page(wanted, () -> loadPage(wanted)) : loadPage(wanted);
    }

    /**
     * A published article, counting one view (also when the article itself comes from the cache);
     * ArticleNotFoundException for an unknown or unpublished id, which counts nothing.
     */
    public ArticleView view(long id) {
        ArticleView article = cache.article(id, () -> load(id)).orElseThrow(() -> new ArticleNotFoundException(id));
        views.count(id);
        return article;
    }

    /**
     * Counts one view of a published article (its page came from the page cache); false for an
     * unknown or unpublished id. The view is counted in memory and written within about a second.
     */
    public boolean countView(long id) {
        boolean published = cache.isPublished(id, () -> load(id));
        if (published) {
            views.count(id);
        }
        return published;
    }

    /** The image of a published article, without its bytes; images of drafts stay hidden from the public. */
    public Optional<StoredImage> publishedImage(long id) {
        return em.createNamedQuery(ArticleImage.PUBLISHED_STORED, StoredImage.class)
                .setParameter("id", id)
                .setParameter("published", true)
                .getResultStream()
                .findFirst();
    }

    /** The bytes of a published article's image. */
    public Optional<byte[]> publishedImageData(long id) {
        return isShown(id)
                ? em.createNamedQuery(ArticleImage.DATA, byte[].class)
                        .setParameter("id", id)
                        .getResultStream()
                        .findFirst()
                : Optional.empty();
    }

    private boolean isShown(long image) {
        // not as a subquery: EclipseLink writes the flag there as 1, which H2 refuses
        return em.createNamedQuery(Article.SHOWING_IMAGE, Long.class)
                        .setParameter("image", image)
                        .getSingleResult()
                > 0;
    }

    /** Up to three random published articles for the home page. */
    public List<ArticleCard> homeArticles() {
        return RandomPicks.some(cache.homePool(this::loadHomePool), HOME_ARTICLES, ThreadLocalRandom.current());
    }

    private Optional<ArticleView> load(long id) {
        return em.createNamedQuery(Article.PUBLISHED_VIEW, ArticleView.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    private ArticlePage loadPage(int wanted) {
        long count = em.createNamedQuery(Article.PUBLISHED_COUNT, Long.class).getSingleResult();
        int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(wanted, pages);
        List<ArticleCard> cards = em.createNamedQuery(Article.PUBLISHED_CARDS, ArticleCard.class)
                .setFirstResult((number - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return new ArticlePage(number, pages, cards);
    }

    /**
     * Random published articles without sorting the table randomly: random positions in the index
     * of published articles, one short read each.
     */
    private ArrayList<ArticleCard> loadHomePool() {
        long count = em.createNamedQuery(Article.PUBLISHED_COUNT, Long.class).getSingleResult();
        List<Long> ids = new ArrayList<>();
        for (int position : RandomPicks.positions(count, HOME_POOL, ThreadLocalRandom.current())) {
            em.createNamedQuery(Article.PUBLISHED_IDS, Long.class)
                    .setFirstResult(position)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst()
                    .ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(em.createNamedQuery(Article.CARDS_BY_ID, ArticleCard.class)
                .setParameter("ids", ids)
                .getResultList());
    }
}
