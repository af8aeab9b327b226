package ru.rassylka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that logs in through the login form, without a browser. */
public final class WebClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private static final Pattern RETURN_TO = Pattern.compile("name=\"login:returnTo\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A client for the application at {@code base} (ending with a slash). */
    public WebClient(URI base) {
        this.base = base;
        // HTTP/1.1 as browsers speak it to a plain-HTTP server, without the client's h2c upgrade attempts
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends this header with every request from now on, e.g. X-Forwarded-For as a reverse proxy would. */
    public WebClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /**
     * GET of a path exactly as written, appended to the base without resolving it, so that
     * {@code ..}, {@code %2e%2e}, {@code ;} and doubled slashes reach the server as an attacker sends them.
     */
    public HttpResponse<String> getRaw(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString() + path));
        headers.forEach(builder::header);
        return send(builder.GET().build());
    }

    /** GET that follows the container's redirect from a folder to the folder with a slash, as browsers do. */
    public HttpResponse<String> getFollowingFolderRedirect(String path) {
        HttpResponse<String> response = get(path);
        String folder = base.resolve(path).getPath() + "/";
        if (response.statusCode() == 301
                && response.headers().firstValue("Location").orElse("").endsWith(folder)) {
            return get(path + "/");
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** POSTs a multipart form: the text fields, then one file typed by its name, as browsers do. */
    public HttpResponse<String> postMultipart(
            String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        String boundary = "----rassylka" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + URLConnection.guessContentTypeFromName(fileName)
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** Opens the login page and submits its form; answers the response to the submit (a redirect when it worked). */
    public HttpResponse<String> logIn(String email, String password) {
        return submitLogin(get("login").body(), email, password);
    }

    /** Submits the login form of a page that shows it, e.g. a protected page asked for anonymously. */
    public HttpResponse<String> submitLogin(String page, String email, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:submit", "");
        Matcher returnTo = RETURN_TO.matcher(page);
        if (returnTo.find()) {
            form.put("login:returnTo", returnTo.group(1).replace("&amp;", "&"));
        }
        form.putAll(stateOf(page));
        return post("login", form);
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The hidden fields a browser posts with a form of the page: the view state and PrimeFaces' script nonce. */
    public static Map<String, String> stateOf(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.ViewState", viewState(html));
        Matcher nonce = NONCE.matcher(html);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        return fields;
    }

    /**
     * The fields of a postback of a form on a page: the form's marker, the given fields, the view
     * state and the page's nonce, which PrimeFaces scripts send with every postback as a browser would.
     */
    public static Map<String, String> form(String page, String formId, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.putAll(stateOf(page));
        return form;
    }

    public static String viewState(String html) {
        Matcher matcher = VIEW_STATE.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No view state in the page");
        }
        return matcher.group(1);
    }

    /** The script nonce of a page, which PrimeFaces expects back with each postback of it. */
    public static String nonce(String html) {
        Matcher matcher = NONCE.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No script nonce in the page");
        }
        return matcher.group(1);
    }

    /**
     * Posts a form of a page back as PrimeFaces' ajax does when a button is pressed: the form's
     * fields, the button as source, the page's view state and nonce; the answer renders the ids
     * of {@code render} (e.g. "@all").
     */
    public HttpResponse<String> ajax(
            String path, String page, String form, String button, String render, Map<String, String> fields) {
        Map<String, String> post = new LinkedHashMap<>();
        post.put("jakarta.faces.partial.ajax", "true");
        post.put("jakarta.faces.source", button);
        post.put("jakarta.faces.partial.execute", form);
        post.put("jakarta.faces.partial.render", render);
        post.put(button, button);
        post.put(form, form);
        post.putAll(fields);
        post.put("jakarta.faces.ViewState", viewState(page));
        post.put("primefaces.nonce", nonce(page));
        return post(path, post);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
