package ru.rassylka.admin;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.rassylka.account.Role;

/**
 * {@code /metrics} only for a logged-in administrator or a scraper that presents
 * {@code Authorization: Bearer <METRICS_TOKEN>}. Payara adds its MicroProfile Metrics endpoint to
 * the application at the root context, so this filter stands before it; Payara's own metrics
 * security (set-metrics-configuration --securityenabled) would demand HTTPS at the server and a
 * login a scraper cannot do through the login form.
 */
@WebFilter(
        urlPatterns = {"/metrics", "/metrics/*"},
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE})
public class MetricsAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    // a secret: read here, never logged
    @Inject
    @ConfigProperty(name = "metrics.token")
    private Optional<String> token;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (MetricsAccess.allows(request.isUserInRole(Role.Names.ADMIN), token, request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Metrics are for administrators and for scrapers with the metrics token.\n");
    }
}
