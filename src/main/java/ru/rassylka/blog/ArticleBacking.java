package ru.rassylka.blog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ru.rassylka.platform.web.Pages;

/** The public page of an article ({@code /blog/12}); each time it is shown counts one view. */
@Named
@RequestScoped
public class ArticleBacking {

    @Inject
    private Blog blog;

    private Long id;
    private ArticleView article;

    public void onLoad() {
        article = id == null ? null : blog.view(id).orElse(null);
        if (article == null) {
            Pages.notFound();
        }
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
