package ru.rassylka.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ru.rassylka.platform.Settings;
import ru.rassylka.platform.i18n.ActiveLanguage;
import ru.rassylka.platform.i18n.Language;

/**
 * Refuses with 403 a state-changing request that a browser sent from another site: its
 * {@code Origin} is not this service's (the address the request was sent to, or BASE_URL's, which
 * is what browsers see behind a reverse proxy that ends TLS), or, without an {@code Origin},
 * {@code Sec-Fetch-Site} says cross-site. The pages anonymous visitors post to (login,
 * registration, password reset) keep no view state, so PrimeFaces' nonce check alone cannot tell a
 * foreign form from ours. Requests without either header (old browsers, scripts) pass. The
 * one-click unsubscribe (RFC 8058) is posted by mail providers from their own sites and passes too.
 */
public class CrossSitePostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CrossSitePostFilter.class.getName());
    private static final ThrottledLog LINES = new ThrottledLog(Duration.ofSeconds(10), InstantSource.system());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final Set<String> OPEN_TO_OTHER_SITES = Set.of("/unsubscribe");

    @Inject
    private Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (!SAFE_METHODS.contains(request.getMethod())
                && !OPEN_TO_OTHER_SITES.contains(request.getServletPath())
                && isForeign(origin, request.getHeader("Sec-Fetch-Site"), ownOrigins(request))) {
            LINES.line(
                            "cross-site",
                            "Refused a cross-site " + request.getMethod() + " to " + request.getServletPath() + " from "
                                    + (origin == null ? "a page of another site" : origin))
                    .ifPresent(LOGGER::info);
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The origins of this service: the one the request was sent to, and the public address's. */
    private Set<String> ownOrigins(HttpServletRequest request) {
        Optional<String> addressed;
        try {
            addressed = originOf(new URI(
                            request.getScheme(),
                            null,
                            request.getServerName(),
                            request.getServerPort(),
                            null,
                            null,
                            null)
                    .toString());
        } catch (URISyntaxException e) {
            addressed = Optional.empty();
        }
        return Stream.of(addressed, originOf(settings.baseUrl()))
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the request comes from a page of another site: by its Origin, or without one by Sec-Fetch-Site. */
    static boolean isForeign(String origin, String fetchSite, Set<String> ownOrigins) {
        if (origin != null) {
            // "null" (a sandboxed frame, a local file) and anything unreadable are foreign too
            return originOf(origin).map(parsed -> !ownOrigins.contains(parsed)).orElse(true);
        }
        return fetchSite != null && fetchSite.strip().equalsIgnoreCase("cross-site");
    }

    /** The origin of an address as browsers write it: scheme://host[:port] in lower case, without the scheme's default port. */
    static Optional<String> originOf(String address) {
        try {
            URI uri = new URI(address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A short page in the visitor's language, written here rather than through Faces, which would take the post for its own. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language language = ActiveLanguage.remembered(request).orElse(Language.DEFAULT);
        ResourceBundle text = ResourceBundle.getBundle(
                "i18n.messages", language.locale(), CrossSitePostFilter.class.getClassLoader());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html><html lang=\"" + language.code() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(text.getString("error.crossSite.title"))
                + "</title></head><body><main><h1 id=\"error-heading\">"
                + escape(text.getString("error.crossSite.title")) + "</h1><p>"
                + escape(text.getString("error.crossSite.text")) + "</p><p><a href=\""
                + escape(request.getContextPath() + "/") + "\">" + escape(text.getString("error.home"))
                + "</a></p></main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
