package ru.rassylka.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The image of an article as uploaded, after its content was checked; never changed once stored. */
@Entity
@Table(name = "article_image")
@NamedQueries({
    @NamedQuery(
            name = ArticleImage.STORED,
            query =
                    "select new ru.rassylka.blog.StoredImage(i.id, i.contentType, i.createdAt) from ArticleImage i where i.id = :id"),
    // one query for what a public request needs: the image, if an article showing it is published
    // (a join, not a subquery: EclipseLink writes a flag in a subquery as 1, which H2 refuses)
    @NamedQuery(
            name = ArticleImage.PUBLISHED_STORED,
            query =
                    "select distinct new ru.rassylka.blog.StoredImage(i.id, i.contentType, i.createdAt) from ArticleImage i, Article a"
                            + " where i.id = :id and a.imageId = i.id and a.published = :published"),
    // the bytes alone, as a value: no entity that a persistence context would keep
    @NamedQuery(name = ArticleImage.DATA, query = "select i.data from ArticleImage i where i.id = :id")
})
public class ArticleImage {

    public static final String STORED = "ArticleImage.stored";
    public static final String DATA = "ArticleImage.data";
    static final String PUBLISHED_STORED = "ArticleImage.publishedStored";

    @Id
    @SequenceGenerator(name = "article_image_seq", sequenceName = "article_image_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_image_seq")
    private Long id;

    @Column(name = "content_type", nullable = false, length = 20)
    private String contentType;

    @Column(nullable = false)
    private byte[] data;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ArticleImage() {}

    public ArticleImage(ImageFormat format, byte[] data, Instant now) {
        this.contentType = format.contentType();
        this.data = Objects.requireNonNull(data, "data").clone();
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getContentType() {
        return contentType;
    }
}
