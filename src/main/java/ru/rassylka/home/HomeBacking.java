package ru.rassylka.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import ru.rassylka.blog.ArticleCard;
import ru.rassylka.blog.Blog;

/** The home page: the caller's figures and three random articles, both from the cache. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    private Figures figures;

    @Inject
    private Blog blog;

    private HomeFigures loadedFigures;
    private List<ArticleCard> articles;

    public HomeFigures getFigures() {
        if (loadedFigures == null) {
            loadedFigures = figures.forCaller();
        }
        return loadedFigures;
    }

    public List<ArticleCard> getArticles() {
        if (articles == null) {
            articles = blog.homeArticles();
        }
        return articles;
    }
}
