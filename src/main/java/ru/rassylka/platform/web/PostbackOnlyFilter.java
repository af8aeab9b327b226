package ru.rassylka.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Actions run on form posts only. Faces treats any request that carries a view state as a
 * postback, so a link with {@code jakarta.faces.ViewState} in its address could run an action
 * (pause a mailing) on a GET; such requests are refused with 400 before Faces sees them.
 */
public class PostbackOnlyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (carriesViewStateInTheAddress(request.getQueryString())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean carriesViewStateInTheAddress(String query) {
        if (query == null) {
            return false;
        }
        try {
            return URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8)
                    .contains("faces.ViewState");
        } catch (IllegalArgumentException malformed) {
            return query.contains("faces.ViewState");
        }
    }
}
