package ru.rassylka.account;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
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
 * Ends the session of an account that was blocked (or removed) since it logged in, or whose
 * password or roles changed since (see {@link SessionEpoch}), at its very next request, and sends
 * the browser to the login page.
 */
public class ActiveAccountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String LOGIN_PAGE = "/login?refused=blocked";
    static final String LOGIN_AGAIN_PAGE = "/login?refused=changed";
    /** The request attribute that hands the account looked up here to {@link ActiveUser}. */
    static final String ACCOUNT = ActiveAccountFilter.class.getName() + ".account";

    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    private Accounts accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        // an error page dispatched from a request this filter already let through needs no second look
        if (principal == null || isResource(request) || request.getAttribute(ACCOUNT) != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> account =
                accounts.findByEmail(principal.getName()).filter(user -> user.isVerified() && !user.isBlocked());
        HttpSession current = request.getSession(false);
        if (account.isPresent() && (current == null || !SessionEpoch.isStale(current, account.get()))) {
            request.setAttribute(ACCOUNT, account.get());
            // a logged-in user's pages stay out of shared and back-button caches
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
            return;
        }
        end(request);
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // e.g. a 403 decided on the roles the session still had: the error page shows, the session is over
            chain.doFilter(request, response);
            return;
        }
        String target = request.getContextPath() + (account.isPresent() ? LOGIN_AGAIN_PAGE : LOGIN_PAGE);
        sendToLogin(request, response, target);
    }

    private static void end(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static void sendToLogin(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + target
                            + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }

    /**
     * Whether the container mapped this request to a Faces resource (a style sheet, a script). The
     * raw address is no guide: {@code /jakarta.faces.resource/../clients/} reaches the clients page.
     */
    static boolean isResource(HttpServletRequest request) {
        return request.getServletPath().startsWith(RESOURCES);
    }
}
