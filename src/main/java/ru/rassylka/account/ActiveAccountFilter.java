package ru.rassylka.account;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Ends the session of an account that was blocked (or removed) since it logged in, at its very
 * next request, and sends the browser to the login page.
 */
public class ActiveAccountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String LOGIN_PAGE = "/login?refused=blocked";
    /** The request attribute that hands the account looked up here to {@link ActiveUser}. */
    static final String ACCOUNT = ActiveAccountFilter.class.getName() + ".account";

    @Inject
    private Accounts accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal == null || isResource(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> account = accounts.findByEmail(principal.getName()).filter(user -> user.isVerified() && !user.isBlocked());
        if (account.isPresent()) {
            request.setAttribute(ACCOUNT, account.get());
            chain.doFilter(request, response);
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String target = request.getContextPath() + LOGIN_PAGE;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }

    private static boolean isResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }
}
