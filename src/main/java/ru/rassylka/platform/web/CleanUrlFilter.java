package ru.rassylka.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Serves views under clean addresses (see {@link CleanUrls}) by forwarding to the Facelets file. */
public class CleanUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Only addresses that name a view are remembered, so unknown addresses cannot grow it. */
    private final Map<String, String> views = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> view = CleanUrls.isClean(path) ? findView(path) : Optional.empty();
        if (view.isPresent()) {
            request.getRequestDispatcher(view.get()).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private Optional<String> findView(String path) {
        String known = views.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = CleanUrls.candidates(path).stream().filter(this::exists).findFirst();
        found.ifPresent(view -> views.put(path, view));
        return found;
    }

    private boolean exists(String view) {
        int query = view.indexOf('?');
        String file = query < 0 ? view : view.substring(0, query);
        try {
            return getServletContext().getResource(file) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
