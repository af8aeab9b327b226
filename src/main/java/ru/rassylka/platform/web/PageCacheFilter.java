package ru.rassylka.platform.web;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rassylka.platform.i18n.ActiveLanguage;
import ru.rassylka.platform.i18n.Language;

/**
 * Answers anonymous visitors' page loads of the public pages from {@link PageCache}: the same
 * page for everyone in a language, so it is built once every few seconds instead of for every
 * visitor. Only plain GETs without a login, without cookies other than the language and without
 * odd query strings are served or stored (so the cache cannot be filled with made-up addresses),
 * and only complete 200 answers that set no cookie are stored. Each answer gets a fresh script
 * nonce in its page and its policy.
 */
public class PageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern PAGES =
            Pattern.compile("/|/blog/|/blog/[1-9]\\d{0,17}|/login|/register|/password-reset");
    private static final Pattern BLOG_PAGE_QUERY = Pattern.compile("page=[1-9]\\d{0,4}");
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");
    private static final String POLICY = "Content-Security-Policy";
    private static final int MAX_PAGE_CHARS = 512 * 1024;

    @Inject
    private PageCache cache;

    @Inject
    private Event<CachedPageRequest> asking;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> key = keyOf(
                request.getMethod(),
                request.getUserPrincipal() == null,
                path,
                request.getQueryString(),
                request.getCookies());
        if (key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        CachedPage page = cache.get(key.get());
        if (page != null) {
            CachedPageRequest asked = new CachedPageRequest(path);
            asking.fire(asked);
            if (!asked.isRefused()) {
                answer(response, page);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Long generation = cache.generation();
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        capture.page().ifPresent(rendered -> cache.put(key.get(), rendered, generation));
    }

    /**
     * The cache key (language, path and query) of a request the cache may answer, or empty. Only
     * one spelling of each page has a key: no leading zeros in an id or page number, and the
     * language the page is shown in rather than whatever the cookie says, so that made-up variants
     * of an address cannot push the real pages out of the cache.
     */
    static Optional<String> keyOf(String method, boolean anonymous, String path, String query, Cookie[] cookies) {
        if (!"GET".equals(method) || !anonymous || !PAGES.matcher(path).matches()) {
            return Optional.empty();
        }
        if (query != null
                && !(path.equals("/blog/") && BLOG_PAGE_QUERY.matcher(query).matches())) {
            return Optional.empty();
        }
        Cookie[] sent = cookies == null ? new Cookie[0] : cookies;
        if (Arrays.stream(sent).anyMatch(cookie -> !cookie.getName().equals(ActiveLanguage.COOKIE))) {
            return Optional.empty();
        }
        Language language = Arrays.stream(sent)
                .findFirst()
                .flatMap(cookie -> Language.fromCode(cookie.getValue()))
                .orElse(Language.DEFAULT);
        return Optional.of(language.code() + " " + path + (query == null ? "" : "?" + query));
    }

    private static void answer(HttpServletResponse response, CachedPage page) throws IOException {
        String nonce =
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        response.setContentType(page.contentType());
        if (page.policy() != null) {
            response.addHeader(POLICY, page.policy().replace(CachedPage.NONCE, nonce));
        }
        byte[] body = page.body().replace(CachedPage.NONCE, nonce).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Passes the answer through and keeps a copy of it, with what decides whether it may be stored. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<String> policies = new ArrayList<>();
        private int status = SC_OK;
        private boolean unfit;
        private PrintWriter writer;
        private ServletOutputStream stream;

        Capture(HttpServletResponse response) {
            super(response);
        }

        Optional<CachedPage> page() {
            String contentType = getContentType();
            String body = bytes.size() > 0 ? bytes.toString(StandardCharsets.UTF_8) : text.toString();
            if (unfit
                    || bytes.size() > 0 && text.length() > 0
                    || status != SC_OK
                    || policies.size() > 1
                    || contentType == null
                    || !contentType.startsWith("text/html")
                    || body.isEmpty()
                    || getHeaders("Set-Cookie").size() > 0) {
                return Optional.empty();
            }
            String policy = policies.isEmpty() ? null : policies.get(0);
            Matcher nonce = NONCE.matcher(policy == null ? "" : policy);
            if (!nonce.find()) {
                return Optional.of(new CachedPage(contentType, policy, body));
            }
            String value = nonce.group(1);
            return Optional.of(new CachedPage(
                    contentType, policy.replace(value, CachedPage.NONCE), body.replace(value, CachedPage.NONCE)));
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            status = SC_FOUND;
            super.sendRedirect(location);
        }

        @Override
        public void addCookie(Cookie cookie) {
            unfit = true;
            super.addCookie(cookie);
        }

        @Override
        public void setHeader(String name, String value) {
            if (POLICY.equalsIgnoreCase(name)) {
                policies.clear();
                policies.add(value);
            }
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (POLICY.equalsIgnoreCase(name)) {
                policies.add(value);
            }
            super.addHeader(name, value);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                Writer real = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) throws IOException {
                        real.write(chars, offset, length);
                        keep(chars, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        real.close();
                    }
                });
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        real.write(b);
                        if (!unfit) {
                            bytes.write(b);
                            unfit = bytes.size() > MAX_PAGE_CHARS;
                        }
                    }

                    @Override
                    public void write(byte[] data, int offset, int length) throws IOException {
                        real.write(data, offset, length);
                        if (!unfit) {
                            bytes.write(data, offset, length);
                            unfit = bytes.size() > MAX_PAGE_CHARS;
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        private void keep(char[] chars, int offset, int length) {
            if (!unfit) {
                text.append(chars, offset, length);
                unfit = text.length() > MAX_PAGE_CHARS;
            }
        }
    }
}
