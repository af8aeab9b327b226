package ru.rassylka.blog;

import java.io.Serializable;
import java.time.Instant;

/** What the public page of a published article shows; kept in the cache. */
public record ArticleView(long id, String title, String content, Long imageId, Instant publishedAt)
        implements Serializable {}
