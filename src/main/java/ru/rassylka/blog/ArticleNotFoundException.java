package ru.rassylka.blog;

import ru.rassylka.platform.NotFoundException;

/** No article with this id: pages answer 404 and nothing changes. */
public class ArticleNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ArticleNotFoundException(long id) {
        super("blog.notFound", id);
    }
}
