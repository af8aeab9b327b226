package ru.rassylka.blog;

import java.io.Serializable;
import java.time.Instant;

/** What lists show of a published article; kept in the cache, so it is serializable. */
public record ArticleCard(long id, String title, String excerpt, Long imageId, Instant publishedAt)
        implements Serializable {}
