package ru.rassylka.blog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import ru.rassylka.account.Role;
import ru.rassylka.message.HtmlSanitizer;
import ru.rassylka.platform.BusinessException;

/** The administrator writes, publishes, unpublishes and deletes articles; every change empties the cache it touches. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class BlogAdmin {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<ArticleChanged> changed;

    @Inject
    private ViewCounts views;

    /** All articles, published or not, the last changed first; their views include those not yet written. */
    public List<Article> list(int first, int max) {
        return views.steadily(() -> {
            List<Article> articles = em.createNamedQuery(Article.ALL, Article.class)
                    .setFirstResult(first)
                    .setMaxResults(max)
                    .getResultList();
            articles.forEach(article -> article.showUnwrittenViews(views.unwritten(article.getId())));
            return articles;
        });
    }

    public long count() {
        return em.createNamedQuery(Article.COUNT_ALL, Long.class).getSingleResult();
    }

    public Optional<Article> find(long id) {
        return Optional.ofNullable(em.find(Article.class, id));
    }

    /** Any stored image without its bytes, for the administrator's preview of drafts. */
    public Optional<StoredImage> image(long id) {
        return em.createNamedQuery(ArticleImage.STORED, StoredImage.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /** The bytes of any stored image. */
    public Optional<byte[]> imageData(long id) {
        return em.createNamedQuery(ArticleImage.DATA, byte[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /** The content as it will be shown: sanitized. */
    public String sanitized(String content) {
        return HtmlSanitizer.sanitize(content == null ? "" : content);
    }

    /** Creates an article (no id) or changes one; a new image replaces the old one. Publishing is separate. */
    public Article save(Long id, ArticleDraft draft) {
        Instant now = Instant.now();
        String content = sanitized(draft.content());
        if (Jsoup.parse(content).text().isBlank() && !content.contains("<img")) {
            throw new BusinessException("blog.contentRequired");
        }
        ImageFormat imageFormat = draft.newImage() == null ? null : ImageRefusedException.check(draft.newImage());
        Article article = id == null ? new Article(now) : get(id);
        article.write(draft.title(), content, now);
        if (id == null) {
            em.persist(article);
        }
        if (imageFormat != null) {
            ArticleImage image = new ArticleImage(imageFormat, draft.newImage(), now);
            em.persist(image);
            em.flush();
            Long previous = article.showImage(image.getId());
            if (previous != null) {
                em.flush();
                em.remove(em.getReference(ArticleImage.class, previous));
            }
        }
        em.flush();
        changed.fire(new ArticleChanged(article.getId()));
        return article;
    }

    public void publish(long id) {
        get(id).publish(Instant.now());
        changed.fire(new ArticleChanged(id));
    }

    public void unpublish(long id) {
        get(id).unpublish(Instant.now());
        changed.fire(new ArticleChanged(id));
    }

    /** Deletes the article and its image. */
    public void delete(long id) {
        Article article = get(id);
        Long image = article.getImageId();
        em.remove(article);
        if (image != null) {
            em.flush();
            em.remove(em.getReference(ArticleImage.class, image));
        }
        changed.fire(new ArticleChanged(id));
    }

    public Article get(long id) {
        return find(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }
}
