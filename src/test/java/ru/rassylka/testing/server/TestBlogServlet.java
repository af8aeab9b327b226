package ru.rassylka.testing.server;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import ru.rassylka.blog.ViewCounts;
import ru.rassylka.blog.ViewFlush;
import ru.rassylka.home.Figures;
import ru.rassylka.platform.web.PageCache;

/**
 * Lets client-side tests prepare and inspect articles and the home figures; deployed only with tests.
 * POST /test-support/blog/publish?title=…&amp;html=… answers the new id; /unpublish?id=…, /unpublish-all;
 * /figures recounts the global figures into the cache (and forgets rendered pages) and answers them as counted by SQL ("a|b|c");
 * /flush-views writes the views counted in memory now; /refuse-changes?id=… makes the database refuse changes of
 * the article's row, /accept-changes?id=… ends that.
 * GET /views?id=… (stored), /unwritten-views?id=… (counted in memory, not yet written), /images, /articles?title=… answer a number.
 */
@WebServlet("/test-support/blog/*")
public class TestBlogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private TestBlog blog;

    @Inject
    private Figures figures;

    @Inject
    private PageCache pages;

    @Inject
    private ViewFlush flush;

    @Inject
    private ViewCounts viewCounts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        switch (String.valueOf(request.getPathInfo())) {
            case "/publish" ->
                write(
                        response,
                        String.valueOf(blog.publish(request.getParameter("title"), request.getParameter("html"))));
            case "/unpublish" -> {
                blog.unpublish(Long.parseLong(request.getParameter("id")));
                write(response, "ok");
            }
            case "/unpublish-all" -> {
                blog.unpublishAll();
                write(response, "ok");
            }
            case "/flush-views" -> {
                flush.flush();
                write(response, "ok");
            }
            case "/refuse-changes" -> {
                blog.refuseChanges(Long.parseLong(request.getParameter("id")));
                write(response, "ok");
            }
            case "/accept-changes" -> {
                blog.acceptChanges(Long.parseLong(request.getParameter("id")));
                write(response, "ok");
            }
            case "/figures" -> {
                figures.refreshGlobal();
                pages.clear();
                write(
                        response,
                        Arrays.stream(blog.globalFigures())
                                .mapToObj(String::valueOf)
                                .collect(Collectors.joining("|")));
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/views" -> write(response, String.valueOf(blog.views(Long.parseLong(request.getParameter("id")))));
            case "/unwritten-views" ->
                write(response, String.valueOf(viewCounts.unwritten(Long.parseLong(request.getParameter("id")))));
            case "/images" -> write(response, String.valueOf(blog.images()));
            case "/articles" -> write(response, String.valueOf(blog.articlesTitled(request.getParameter("title"))));
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void write(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }
}
