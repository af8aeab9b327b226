package ru.rassylka.blog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ru.rassylka.platform.web.Pages;

/** The public list of articles, a page at a time ({@code /blog?page=2}). */
@Named
@RequestScoped
public class BlogBacking {

    @Inject
    private Blog blog;

    private int pageNumber = 1;
    private ArticlePage page;

    /** A page number past the last page (or below the first) is no page: 404. */
    public void onLoad() {
        if (getPage().number() != pageNumber) {
            Pages.notFound();
        }
    }

    public ArticlePage getPage() {
        if (page == null) {
            page = blog.page(pageNumber);
        }
        return page;
    }

    public int getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(int pageNumber) {
        this.pageNumber = pageNumber;
    }
}
