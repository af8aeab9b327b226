package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageServletTest {

    private final String etag = new StoredImage(12, "image/png", Instant.ofEpochMilli(1_700_000_000_000L)).etag();

    @Test
    void theEntityTagIsStrongAndNamesTheImageAndItsUpload() {
        assertEquals("\"12-loyw3v28\"", etag);
        assertFalse(new StoredImage(12, "image/png", Instant.ofEpochMilli(1_700_000_000_001L))
                .etag()
                .equals(etag));
    }

    @Test
    void ifNoneMatchMatchesTheTagAlsoInAListWeaklyOrAsAStar() {
        assertTrue(ImageServlet.matches(etag, etag));
        assertTrue(ImageServlet.matches("\"other\", " + etag, etag));
        assertTrue(ImageServlet.matches("W/" + etag, etag));
        assertTrue(ImageServlet.matches("*", etag));
    }

    @Test
    void ifNoneMatchWithOtherTagsOrNoneDoesNotMatch() {
        assertFalse(ImageServlet.matches(null, etag));
        assertFalse(ImageServlet.matches("", etag));
        assertFalse(ImageServlet.matches("\"12\"", etag));
        assertFalse(ImageServlet.matches("12-loyw3v28", etag));
    }
}
