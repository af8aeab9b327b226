package ru.rassylka.blog;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import ru.rassylka.platform.web.Pages;

/** The administrator's list of articles: publish, unpublish and delete (POST actions only). */
@Named
@ViewScoped
public class AdminBlogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BlogAdmin admin;

    private final LazyDataModel<Article> articles = new ArticlesModel();

    public LazyDataModel<Article> getArticles() {
        return articles;
    }

    public void publish(Article article) {
        act(() -> admin.publish(article.getId()), "blog.admin.published");
    }

    public void unpublish(Article article) {
        act(() -> admin.unpublish(article.getId()), "blog.admin.unpublished");
    }

    public void delete(Article article) {
        act(() -> admin.delete(article.getId()), "blog.admin.deleted");
    }

    /** An article deleted meanwhile is a message on the list, which stays, rather than a 404. */
    private static void act(Runnable action, String doneKey) {
        try {
            action.run();
            Pages.info(doneKey);
        } catch (ArticleNotFoundException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
        }
    }

    /** Only the visible rows are loaded. */
    private final class ArticlesModel extends LazyDataModel<Article> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) admin.count();
        }

        @Override
        public List<Article> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return admin.list(first, pageSize);
        }

        @Override
        public String getRowKey(Article article) {
            return String.valueOf(article.getId());
        }

        @Override
        public Article getRowData(String rowKey) {
            return getWrappedData() == null
                    ? null
                    : getWrappedData().stream()
                            .filter(article -> String.valueOf(article.getId()).equals(rowKey))
                            .findFirst()
                            .orElse(null);
        }
    }
}
