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
import ru.rassylka.platform.persistence.Databases;

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

    /** A page of published articles, newest first; a number past the end gives the last page. */
    public ArticlePage page(int number) {
        int wanted = Math.max(1, number);
        return wanted <= CACHED_PAGES ? cache.page(wanted, () -> loadPage(wanted)) : loadPage(wanted);
    }

    /**
     * A published article, counting one view by one UPDATE in the database (also when the article
     * itself comes from the cache); empty for an unknown or unpublished id, which counts nothing.
     */
    public Optional<ArticleView> view(long id) {
        if (!countView(id)) {
            return Optional.empty();
        }
        return cache.article(id, () -> em.createNamedQuery(Article.PUBLISHED_VIEW, ArticleView.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst());
    }

    /**
     * Counts one view of a published article by one UPDATE; false for an unknown or unpublished id.
     * On PostgreSQL the commit does not wait for the disk: a crash may lose the last moment's views,
     * but the row is free for the next view at once.
     */
    public boolean countView(long id) {
        if (Databases.isPostgresql(em)) {
            em.createNativeQuery("set local synchronous_commit to off").executeUpdate();
        }
        return em.createNamedQuery(Article.COUNT_VIEW).setParameter(1, id).executeUpdate() > 0;
    }

    /** The image of a published article; images of drafts stay hidden from the public. */
    public Optional<ArticleImage> publishedImage(long id) {
        // not as a subquery: EclipseLink writes the flag there as 1, which H2 refuses
        long showing = em.createNamedQuery(Article.SHOWING_IMAGE, Long.class).setParameter("image", id).getSingleResult();
        return showing == 0 ? Optional.empty() : Optional.ofNullable(em.find(ArticleImage.class, id));
    }

    /** Up to three random published articles for the home page. */
    public List<ArticleCard> homeArticles() {
        return RandomPicks.some(cache.homePool(this::loadHomePool), HOME_ARTICLES, ThreadLocalRandom.current());
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
