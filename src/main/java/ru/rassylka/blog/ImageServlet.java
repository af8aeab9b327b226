package ru.rassylka.blog;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import ru.rassylka.account.Role;

/**
 * GET /blog/image/{id} answers an article's image with its checked content type. An image never
 * changes (a new upload gets a new id), so browsers and proxies keep it for a year.
 */
@WebServlet("/blog/image/*")
public class ImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/blog/image/";

    @Inject
    private Blog blog;

    @Inject
    private BlogAdmin admin;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = idOf(request.getPathInfo());
        boolean administrator = request.isUserInRole(Role.Names.ADMIN);
        Optional<ArticleImage> image = id.flatMap(administrator ? admin::image : blog::publishedImage);
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] data = image.get().getData();
        response.setContentType(image.get().getContentType());
        response.setContentLength(data.length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // images of drafts are seen only by administrators: not for shared caches
        response.setHeader("Cache-Control", (administrator ? "private" : "public") + ", max-age=31536000, immutable");
        response.getOutputStream().write(data);
    }

    static Optional<Long> idOf(String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(pathInfo.substring(1)));
    }
}
