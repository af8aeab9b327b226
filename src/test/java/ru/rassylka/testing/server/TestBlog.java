package ru.rassylka.testing.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import ru.rassylka.blog.Article;
import ru.rassylka.blog.ArticleChanged;

/**
 * Prepares articles for tests directly in the database and tells the cache, as the administrator's
 * service does; exists only in test deployments.
 */
@Stateless
@PermitAll
public class TestBlog {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<ArticleChanged> changed;

    public long publish(String title, String html) {
        Instant now = Instant.now();
        Article article = new Article(now);
        article.write(title, html, now);
        article.publish(now);
        em.persist(article);
        em.flush();
        changed.fire(new ArticleChanged(article.getId()));
        return article.getId();
    }

    public void unpublish(long id) {
        em.find(Article.class, id).unpublish(Instant.now());
        changed.fire(new ArticleChanged(id));
    }

    /** Takes every article off the public pages. */
    public void unpublishAll() {
        em.createQuery("update Article a set a.published = false").executeUpdate();
        changed.fire(new ArticleChanged(0));
    }

    public long views(long id) {
        return em.createQuery("select a.views from Article a where a.id = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
    }

    /** Makes the database refuse every change of the article's row (as a failing database would), until {@link #acceptChanges}. */
    public void refuseChanges(long id) {
        em.createNativeQuery("create or replace function refuse_article_change() returns trigger language plpgsql as "
                        + "$$ begin raise exception 'article % refuses changes', old.id; end $$")
                .executeUpdate();
        em.createNativeQuery(
                        "create trigger refuse_article_" + id + " before update on article for each row when (old.id = "
                                + id + ") execute function refuse_article_change()")
                .executeUpdate();
    }

    public void acceptChanges(long id) {
        em.createNativeQuery("drop trigger if exists refuse_article_" + id + " on article")
                .executeUpdate();
    }

    public long images() {
        return em.createQuery("select count(i) from ArticleImage i", Long.class).getSingleResult();
    }

    public long articlesTitled(String title) {
        return em.createQuery("select count(a) from Article a where a.title = :title", Long.class)
                .setParameter("title", title)
                .getSingleResult();
    }

    /** Global figures counted by plain SQL, to compare with the page: mailings, active mailings, distinct client e-mails. */
    public long[] globalFigures() {
        return new long[] {
            count("select count(*) from mailing where deleted_at is null"),
            count(
                    "select count(*) from mailing where deleted_at is null and paused_at is null and disabled_at is null and next_run_at is not null"),
            count("select count(distinct email) from client")
        };
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
