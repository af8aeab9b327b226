package ru.rassylka.blog;

import java.time.Instant;

/** What the image servlet needs to know of a stored image before, or instead of, reading its bytes. */
public record StoredImage(long id, String contentType, Instant createdAt) {

    /**
     * A strong entity tag: an image's bytes never change under its id, and the upload instant keeps
     * the tag apart from an image that a database started afresh gave the same id.
     */
    public String etag() {
        return "\"" + id + "-" + Long.toString(createdAt.toEpochMilli(), Character.MAX_RADIX) + "\"";
    }
}
