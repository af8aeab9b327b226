package ru.rassylka.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves views under clean addresses (see {@link CleanUrls}) by forwarding to the Facelets file;
 * an item address spelled with leading zeros ({@code /blog/012}) is redirected to its one spelling.
 */
public class CleanUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private ViewFiles files;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.mapped(request);
        if (!CleanUrls.isClean(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> canonical = CleanUrls.canonicalItem(path);
        if (canonical.isPresent()) {
            redirect(request, response, canonical.get());
            return;
        }
        Optional<String> view = CleanUrls.candidates(path).stream()
                .filter(candidate -> files.exists(getServletContext(), candidate))
                .findFirst();
        if (view.isPresent()) {
            request.getRequestDispatcher(view.get()).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + path + (query == null ? "" : "?" + query));
    }
}
