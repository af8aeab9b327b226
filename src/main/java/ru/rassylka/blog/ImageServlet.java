package ru.rassylka.blog;

import jakarta.inject.Inject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import ru.rassylka.account.Role;

/**
 * GET /blog/image/{id} answers an article's image with its checked content type. An image never
 * changes (a new upload gets a new id), so browsers and proxies keep it for a year, and a request
 * with its entity tag is answered 304 without reading its bytes. The bytes come from a bounded
 * memory ({@link ImageBytes}); when it is full the answer is 503 with Retry-After instead of more
 * heap.
 */
@WebServlet("/blog/image/*")
public class ImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/blog/image/";
    /** Images in memory, kept or in flight: a few percent of the 1 GB heap; nine of the largest load at once. */
    static final long HELD_BYTES = 48L * 1024 * 1024;

    private static final int CHUNK = 64 * 1024;
    private static final String RETRY_AFTER_SECONDS = "1";

    @Inject
    private Blog blog;

    @Inject
    private BlogAdmin admin;

    private final transient ImageBytes memory = new ImageBytes(HELD_BYTES, ImageFormat.MAX_BYTES);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = idOf(request.getPathInfo());
        boolean administrator = request.isUserInRole(Role.Names.ADMIN);
        Optional<StoredImage> image = id.flatMap(administrator ? admin::image : blog::publishedImage);
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredImage stored = image.get();
        if (matches(request.getHeader("If-None-Match"), stored.etag())) {
            describe(response, stored, administrator);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<ImageBytes.Held> held;
        try {
            held = memory.hold(
                    stored.id(),
                    () -> administrator ? admin.imageData(stored.id()) : blog.publishedImageData(stored.id()));
        } catch (ImageBytes.Full full) {
            // a status, not sendError: an error page rendered for each refused request would cost what the refusal
            // saves
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (held.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (ImageBytes.Held bytes = held.get()) {
            byte[] data = bytes.bytes();
            describe(response, stored, administrator);
            response.setContentType(stored.contentType());
            response.setContentLength(data.length);
            ServletOutputStream out = response.getOutputStream();
            for (int offset = 0; offset < data.length; offset += CHUNK) {
                out.write(data, offset, Math.min(CHUNK, data.length - offset));
            }
        }
    }

    /** The headers that a 200 and a 304 answer share. */
    private static void describe(HttpServletResponse response, StoredImage image, boolean administrator) {
        response.setHeader("ETag", image.etag());
        response.setHeader("X-Content-Type-Options", "nosniff");
        // images of drafts are seen only by administrators: not for shared caches
        response.setHeader("Cache-Control", (administrator ? "private" : "public") + ", max-age=31536000, immutable");
    }

    /** Whether an If-None-Match header names the entity tag (the weak comparison RFC 9110 asks for there). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    static Optional<Long> idOf(String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(pathInfo.substring(1)));
    }
}
