package ru.rassylka.blog;

import ru.rassylka.platform.BusinessException;

/** No article with this id: pages answer 404 and nothing changes. */
public class ArticleNotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ArticleNotFoundException(long id) {
        super("blog.notFound", id);
    }
}
