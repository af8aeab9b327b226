package ru.rassylka.blog;

/** An article was created, edited, published, unpublished or deleted; fired inside the transaction. */
public record ArticleChanged(long id) {}
