package ru.rassylka.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A blog article. Its content is sanitized HTML; the excerpt is the plain text of its start. Views
 * are counted in memory ({@link ViewCounts}) and added to the row by an UPDATE about every second
 * ({@link #ADD_VIEWS}), never through this object.
 */
@Entity
@Table(name = "article")
// In SQL: a JPQL bulk update would also raise the version (so an edit during views would fail)
@NamedNativeQuery(name = Article.ADD_VIEWS, query = "update article set views = views + ? where id = ?")
@NamedQueries({
    @NamedQuery(
            name = Article.PUBLISHED_CARDS,
            query = "select new ru.rassylka.blog.ArticleCard(a.id, a.title, a.excerpt, a.imageId, a.publishedAt)"
                    + " from Article a where a.published = true order by a.publishedAt desc, a.id desc"),
    @NamedQuery(name = Article.PUBLISHED_COUNT, query = "select count(a) from Article a where a.published = true"),
    @NamedQuery(
            name = Article.PUBLISHED_IDS,
            query = "select a.id from Article a where a.published = true order by a.publishedAt, a.id"),
    @NamedQuery(
            name = Article.CARDS_BY_ID,
            query = "select new ru.rassylka.blog.ArticleCard(a.id, a.title, a.excerpt, a.imageId, a.publishedAt)"
                    + " from Article a where a.published = true and a.id in :ids"),
    @NamedQuery(
            name = Article.PUBLISHED_VIEW,
            query = "select new ru.rassylka.blog.ArticleView(a.id, a.title, a.content, a.imageId, a.publishedAt)"
                    + " from Article a where a.published = true and a.id = :id"),
    @NamedQuery(
            name = Article.SHOWING_IMAGE,
            query = "select count(a) from Article a where a.imageId = :image and a.published = true"),
    @NamedQuery(name = Article.ALL, query = "select a from Article a order by a.updatedAt desc, a.id desc"),
    @NamedQuery(name = Article.COUNT_ALL, query = "select count(a) from Article a")
})
public class Article {

    public static final String ADD_VIEWS = "Article.addViews";
    public static final String PUBLISHED_CARDS = "Article.publishedCards";
    public static final String PUBLISHED_COUNT = "Article.publishedCount";
    public static final String PUBLISHED_IDS = "Article.publishedIds";
    public static final String CARDS_BY_ID = "Article.cardsById";
    public static final String PUBLISHED_VIEW = "Article.publishedView";
    public static final String SHOWING_IMAGE = "Article.showingImage";
    public static final String ALL = "Article.all";
    public static final String COUNT_ALL = "Article.countAll";

    public static final int TITLE_MAX = 200;
    public static final int CONTENT_MAX = 200_000;
    public static final int EXCERPT_MAX = 300;

    @Id
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    private Long id;

    @Column(nullable = false, length = TITLE_MAX)
    @NotBlank
    @Size(max = TITLE_MAX)
    private String title;

    @Column(nullable = false)
    @NotBlank
    @Size(max = CONTENT_MAX)
    private String content;

    @Column(nullable = false, length = EXCERPT_MAX)
    @NotNull
    @Size(max = EXCERPT_MAX)
    private String excerpt;

    @Column(name = "image_id")
    private Long imageId;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(nullable = false, insertable = false, updatable = false)
    private long views;

    @Transient
    private long unwrittenViews;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Article() {}

    public Article(Instant now) {
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    /** Sets the text; {@code safeContent} is already sanitized HTML. */
    public void write(String title, String safeContent, Instant now) {
        this.title = title == null ? null : title.strip();
        this.content = safeContent;
        this.excerpt = Excerpts.of(safeContent, EXCERPT_MAX);
        this.updatedAt = now;
    }

    /** Replaces the image; answers the id of the image it had, which nothing uses any more. */
    public Long showImage(Long newImageId) {
        Long previous = imageId;
        imageId = newImageId;
        return previous;
    }

    /** Shows the article on the public pages; the first publication sets its date. */
    public void publish(Instant now) {
        published = true;
        if (publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    public void unpublish(Instant now) {
        published = false;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    /** The edit form's field, so that the form takes its limits from this entity; the service saves through {@link #write}. */
    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    /** The edit form's field as typed, like {@link #setTitle}; {@link #write} stores it sanitized. */
    public void setContent(String content) {
        this.content = content;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public Long getImageId() {
        return imageId;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    /** Views as stored, plus (in the administrator's list) those this instance counted and has not written yet. */
    public long getViews() {
        return views + unwrittenViews;
    }

    /** Views counted by this instance and not yet written, to be shown with the stored ones. */
    void showUnwrittenViews(long count) {
        unwrittenViews = count;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
