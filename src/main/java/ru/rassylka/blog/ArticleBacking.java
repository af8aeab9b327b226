package ru.rassylka.blog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ru.rassylka.account.ActiveUser;

/** The public page of an article ({@code /blog/12}); each time it is shown counts one view. */
@Named
@RequestScoped
public class ArticleBacking {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Inject
    private Blog blog;

    @Inject
    private ActiveUser activeUser;

    private Long id;
    private ArticleView article;

    public void onLoad() {
        // no row has id 0: a page without an id answers 404, as for a foreign or deleted one
        article = blog.view(id == null ? 0 : id);
    }

    /** The publication date on the visitor's clock. */
    public String getPublishedOn() {
        return DATE.withZone(ZoneId.of(activeUser.timeZone())).format(article.publishedAt());
    }

    public ArticleView getArticle() {
        return article;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
