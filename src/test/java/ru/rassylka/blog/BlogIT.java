package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.TestImages;
import ru.rassylka.testing.WebClient;

/** The blog and the home page over HTTP on Payara with PostgreSQL: figures per role, articles, views, uploads, sessions. */
@ArquillianTest
@RunAsClient
class BlogIT {

    private static final String PASSWORD = "blog password";
    private static final Pattern FIGURE = Pattern.compile("id=\"figure-(mailings|active|clients)\">(\\d+)<");
    private static final Pattern LABELLED_FIGURE =
            Pattern.compile("id=\"figure-\\w+\">(\\d+)</span>\\s*<span class=\"figure-label\">([^<]+)<");
    private static final Pattern FILE_INPUT = Pattern.compile("<input[^>]*type=\"file\"[^>]*>");
    private static final Pattern CARD = Pattern.compile("data-article=\"(\\d+)\"");

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    private URI uri() {
        return URI.create(base.toString());
    }

    private WebClient anonymous() {
        return new WebClient(uri());
    }

    private String newAccount(String prefix, String roles) {
        String email = prefix + "-" + System.nanoTime() + "@example.org";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", PASSWORD);
        form.put("roles", roles);
        assertEquals(201, anonymous().post("test-support/users", form).statusCode());
        return email;
    }

    private WebClient loggedIn(String email) {
        WebClient client = anonymous();
        assertEquals(302, client.logIn(email, PASSWORD).statusCode());
        return client;
    }

    private String support(String path, Map<String, String> form) {
        HttpResponse<String> response = anonymous().post("test-support/" + path, form);
        assertTrue(response.statusCode() < 300, response.body());
        return response.body();
    }

    private String supportGet(String path) {
        return anonymous().get("test-support/" + path).body();
    }

    private long publish(String title) {
        return Long.parseLong(
                support("blog/publish", Map.of("title", title, "html", "<p>О рассылках: " + title + "</p>")));
    }

    private static Map<String, Long> figures(String html) {
        Map<String, Long> figures = new LinkedHashMap<>();
        Matcher matcher = FIGURE.matcher(html);
        while (matcher.find()) {
            figures.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return figures;
    }

    private static List<Long> cards(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = CARD.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    /** A client, a message and mailings of the owner: one monthly that stays active and one paused. */
    private void workspaceOf(String owner, int clients) {
        for (int i = 0; i < clients; i++) {
            support(
                    "workspace/client",
                    Map.of(
                            "owner",
                            owner,
                            "email",
                            "c" + i + "-" + System.nanoTime() + "@example.org",
                            "name",
                            "Клиент " + i));
        }
        String message =
                support("workspace/message", Map.of("owner", owner, "subject", "Новости", "body", "Здравствуйте"));
        String first = LocalDateTime.now().plusDays(3).withNano(0).withSecond(0).toString();
        support(
                "workspace/mailing",
                Map.of(
                        "owner",
                        owner,
                        "name",
                        "Активная",
                        "message",
                        message,
                        "first",
                        first,
                        "periodicity",
                        "MONTHLY"));
        String paused = support(
                "workspace/mailing",
                Map.of("owner", owner, "name", "На паузе", "message", message, "first", first, "periodicity", "ONCE"));
        WebClient ownerClient = loggedIn(owner);
        String view = ownerClient.get("mailings/view?id=" + paused).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("actions", "actions");
        form.put("actions:pause", "");
        form.putAll(WebClient.stateOf(view));
        ownerClient.post("mailings/view?id=" + paused, form);
    }

    @Test
    void anonymousVisitorAndManagerSeeTheGlobalFiguresAndAUserSeesOwn() {
        String owner = newAccount("figures-user", "");
        workspaceOf(owner, 3);
        String manager = newAccount("figures-manager", "MANAGER");

        String[] counted = support("blog/figures", Map.of()).split("\\|");
        Map<String, Long> global = Map.of(
                "mailings",
                Long.parseLong(counted[0]),
                "active",
                Long.parseLong(counted[1]),
                "clients",
                Long.parseLong(counted[2]));

        assertEquals(global, figures(anonymous().get("").body()));
        assertEquals(global, figures(loggedIn(manager).get("").body()));
        String ownPage = loggedIn(owner).get("").body();
        assertEquals(Map.of("mailings", 2L, "active", 1L, "clients", 3L), figures(ownPage));
        assertEquals(
                List.of("2 рассылки", "1 активная рассылка", "3 уникальных клиента"),
                labelledFigures(ownPage),
                "each noun agrees with its number");
    }

    private static List<String> labelledFigures(String html) {
        Matcher matcher = LABELLED_FIGURE.matcher(html);
        List<String> labelled = new ArrayList<>();
        while (matcher.find()) {
            labelled.add(matcher.group(1) + " " + matcher.group(2).strip());
        }
        return labelled;
    }

    @Test
    void homePageShowsNoArticleThenOneThenTwoThenThreeOfMany() {
        support("blog/unpublish-all", Map.of());
        String empty = anonymous().get("").body();
        assertTrue(empty.contains("id=\"no-articles\""));
        assertEquals(List.of(), cards(empty));

        long first = publish("Первая " + System.nanoTime());
        assertEquals(List.of(first), cards(anonymous().get("").body()));

        long second = publish("Вторая " + System.nanoTime());
        List<Long> two = cards(anonymous().get("").body());
        assertEquals(2, two.size());
        assertTrue(two.containsAll(List.of(first, second)));

        List<Long> all = new ArrayList<>(List.of(first, second));
        for (int i = 0; i < 5; i++) {
            all.add(publish("Ещё одна " + i + " " + System.nanoTime()));
        }
        List<Long> three = cards(anonymous().get("").body());
        assertEquals(3, three.size());
        assertEquals(3, three.stream().distinct().count());
        assertTrue(all.containsAll(three));
    }

    @Test
    void concurrentViewsAreAllWrittenByTheFlushAndUnpublishedOrUnknownArticlesCountNothing() throws Exception {
        String title = "Считаем просмотры " + System.nanoTime();
        long id = publish(title);
        int views = 40;
        viewConcurrently(id, views);
        support("blog/flush-views", Map.of());
        assertEquals(String.valueOf(views), supportGet("blog/views?id=" + id));
        assertEquals("0", supportGet("blog/unwritten-views?id=" + id));
        assertTrue(anonymous().get("blog/" + id).body().contains(title));

        support("blog/unpublish", Map.of("id", String.valueOf(id)));
        HttpResponse<String> gone = anonymous().get("blog/" + id);
        assertEquals(404, gone.statusCode());
        assertEquals(404, anonymous().get("blog/987654321").statusCode());
        assertEquals("0", supportGet("blog/unwritten-views?id=987654321"));
        support("blog/flush-views", Map.of());
        assertEquals(
                String.valueOf(views + 1),
                supportGet("blog/views?id=" + id),
                "the cached page was still counted once before");
        assertFalse(cards(anonymous().get("blog/").body()).contains(id));
    }

    @Test
    void adminListShowsViewsNotYetWrittenAndAFailedFlushKeepsThemForTheNext() throws Exception {
        WebClient admin = loggedIn(newAccount("views-admin", "ADMIN"));
        String title = "Просмотры в памяти " + System.nanoTime();
        long id = publish(title);
        int views = 12;
        support("blog/refuse-changes", Map.of("id", String.valueOf(id)));
        try {
            viewConcurrently(id, views);
            support("blog/flush-views", Map.of());
            assertEquals("0", supportGet("blog/views?id=" + id), "the database refused the flush");
            assertEquals(String.valueOf(views), supportGet("blog/unwritten-views?id=" + id));
            assertEquals(views, shownViews(admin, title));
        } finally {
            support("blog/accept-changes", Map.of("id", String.valueOf(id)));
        }
        support("blog/flush-views", Map.of());
        assertEquals(String.valueOf(views), supportGet("blog/views?id=" + id));
        assertEquals("0", supportGet("blog/unwritten-views?id=" + id));
        assertEquals(views, shownViews(admin, title));
    }

    private void viewConcurrently(long id, int views) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < views; i++) {
                answers.add(pool.submit(() -> anonymous().get("blog/" + id).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The view count the administrator's list shows for the article. */
    private static long shownViews(WebClient admin, String title) {
        String list = admin.get("admin/blog").body();
        Matcher views = Pattern.compile(Pattern.quote(title) + "[\\s\\S]*?class=\"article-views\">(\\d+)<")
                .matcher(list);
        assertTrue(views.find(), list);
        return Long.parseLong(views.group(1));
    }

    @Test
    void anonymousPagesCreateNoSessionAndLoginStillWorks() {
        long id = publish("Без сессии " + System.nanoTime());
        for (String path :
                List.of("", "blog/", "blog/" + id, "login", "register", "password-reset", "?lang=en", "blog/?page=1")) {
            WebClient client = anonymous();
            HttpResponse<String> response = client.get(path);
            assertEquals(200, response.statusCode(), path);
            assertTrue(
                    response.headers().allValues("Set-Cookie").stream()
                            .noneMatch(cookie -> cookie.startsWith("JSESSIONID")),
                    path + " set " + response.headers().allValues("Set-Cookie"));
        }
        String user = newAccount("stateless-login", "");
        WebClient client = anonymous();
        HttpResponse<String> login = client.logIn(user, PASSWORD);
        assertEquals(302, login.statusCode());
        assertTrue(client.sessionId().isPresent());
        assertTrue(client.get("").body().contains("id=\"profile-link\""));
    }

    @Test
    void pageFromTheCacheCarriesAFreshNonceMatchingItsPolicy() {
        Pattern scriptNonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
        List<String> nonces = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> home = anonymous().get("");
            Matcher inPage = scriptNonce.matcher(home.body());
            assertTrue(inPage.find());
            String nonce = inPage.group(1);
            assertTrue(
                    home.headers().allValues("Content-Security-Policy").stream()
                            .anyMatch(policy -> policy.contains("'nonce-" + nonce + "'")),
                    home.headers().allValues("Content-Security-Policy").toString());
            nonces.add(nonce);
        }
        assertEquals(3, nonces.stream().distinct().count());
    }

    @Test
    void languageLinkSwitchesToEnglishAndTheCookieKeepsIt() {
        WebClient client = anonymous();
        HttpResponse<String> english = client.get("blog/?lang=en");
        assertTrue(english.body().contains("lang=\"en\""));
        assertTrue(english.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("lang=en")));
        assertTrue(client.get("").body().contains("lang=\"en\""));
        assertTrue(anonymous().get("").body().contains("lang=\"ru\""));
    }

    @Test
    void htmlNamedPngAndSixMegabyteImageAreRefusedAndNothingIsStored() {
        WebClient admin = loggedIn(newAccount("blog-admin", "ADMIN"));
        String imagesBefore = supportGet("blog/images");
        byte[] script = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] large = TestImages.png(1450);
        assertTrue(large.length > 6_000_000, "the large image has " + large.length + " bytes");

        String fakeTitle = "Поддельная картинка " + System.nanoTime();
        HttpResponse<String> fake = saveArticle(admin, fakeTitle, "fake.png", script);
        assertTrue(
                fake.body().contains("Файл не является изображением PNG, JPEG или WebP. Ничего не сохранено."),
                fake.statusCode() + " " + fake.headers().map() + fake.body());

        String largeTitle = "Большая картинка " + System.nanoTime();
        HttpResponse<String> tooLarge = saveArticle(admin, largeTitle, "large.png", large);
        assertTrue(
                tooLarge.body().contains("Изображение больше 5 МБ. Ничего не сохранено."),
                tooLarge.statusCode() + " " + tooLarge.body());

        assertEquals(imagesBefore, supportGet("blog/images"));
        assertEquals(
                "0",
                supportGet("blog/articles?title=" + java.net.URLEncoder.encode(fakeTitle, StandardCharsets.UTF_8)));
        assertEquals(
                "0",
                supportGet("blog/articles?title=" + java.net.URLEncoder.encode(largeTitle, StandardCharsets.UTF_8)));

        String goodTitle = "Настоящая картинка " + System.nanoTime();
        HttpResponse<String> saved = saveArticle(admin, goodTitle, "photo.jpg", TestImages.jpeg(40));
        assertEquals(302, saved.statusCode(), saved.body());
        assertEquals(Long.parseLong(imagesBefore) + 1, Long.parseLong(supportGet("blog/images")));
    }

    @Test
    void imageIsServedWithItsTypeALongLifetimeAndNosniffOnlyOnceItsArticleIsPublished() {
        WebClient admin = loggedIn(newAccount("image-admin", "ADMIN"));
        String title = "С картинкой " + System.nanoTime();
        DraftWithImage draft = draftWithImage(admin, title);

        assertEquals(404, anonymous().get(draft.imagePath()).statusCode(), "a draft's image is not public");

        publishFromTheList(admin, title);
        HttpResponse<String> served = anonymous().get(draft.imagePath());
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(served.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertTrue(anonymous().get("blog/" + draft.articleId()).body().contains(draft.imagePath()));
    }

    @Test
    void aSecondRequestWithTheETagAnswers304WithoutTheBytes() {
        WebClient admin = loggedIn(newAccount("etag-admin", "ADMIN"));
        String title = "Картинка с тегом " + System.nanoTime();
        DraftWithImage draft = draftWithImage(admin, title);
        String draftTag =
                admin.get(draft.imagePath()).headers().firstValue("ETag").orElse("");
        assertTrue(draftTag.startsWith("\""), "a strong entity tag for the administrator, not: " + draftTag);
        assertEquals(
                404,
                anonymous()
                        .withHeader("If-None-Match", draftTag)
                        .get(draft.imagePath())
                        .statusCode(),
                "a draft's entity tag does not open its image to the public");

        publishFromTheList(admin, title);
        HttpResponse<String> first = anonymous().get(draft.imagePath());
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElse("");
        assertEquals(draftTag, etag, "the same image has the same tag");
        assertFalse(first.body().isEmpty());

        HttpResponse<String> second =
                anonymous().withHeader("If-None-Match", etag).get(draft.imagePath());
        assertEquals(304, second.statusCode());
        assertEquals("", second.body());
        assertEquals(etag, second.headers().firstValue("ETag").orElse(""));
        assertTrue(second.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));

        HttpResponse<String> otherTag =
                anonymous().withHeader("If-None-Match", "\"1-other\"").get(draft.imagePath());
        assertEquals(200, otherTag.statusCode());
        assertEquals(first.body(), otherTag.body());
    }

    private record DraftWithImage(long articleId, String imagePath) {}

    /** An unpublished article with a PNG image, saved through the editor. */
    private static DraftWithImage draftWithImage(WebClient admin, String title) {
        assertEquals(
                302, saveArticle(admin, title, "photo.png", TestImages.png(30)).statusCode());
        String list = admin.get("admin/blog").body();
        Matcher edit = Pattern.compile("blog-edit\\?id=(\\d+)\"[^>]*>" + Pattern.quote(title))
                .matcher(list);
        assertTrue(edit.find(), list);
        long id = Long.parseLong(edit.group(1));
        Matcher image = Pattern.compile("/blog/image/(\\d+)")
                .matcher(admin.get("admin/blog-edit?id=" + id).body());
        assertTrue(image.find());
        return new DraftWithImage(id, "blog/image/" + image.group(1));
    }

    /** Presses the article's publish button in the administrator's list. */
    private static void publishFromTheList(WebClient admin, String title) {
        String list = admin.get("admin/blog").body();
        Map<String, String> publish = new LinkedHashMap<>();
        publish.put("jakarta.faces.partial.ajax", "true");
        String row = Pattern.compile("id=\"(articles:table:\\d+:publish)\"")
                .matcher(list)
                .results()
                .map(match -> match.group(1))
                .filter(button -> list.indexOf(button) > list.indexOf(title))
                .findFirst()
                .orElseThrow();
        publish.put("jakarta.faces.source", row);
        publish.put("jakarta.faces.partial.execute", row);
        publish.put(row, row);
        publish.put("articles", "articles");
        publish.putAll(WebClient.stateOf(list));
        assertEquals(200, admin.post("admin/blog", publish).statusCode());
    }

    /** Submits the article form with a file, as the browser does. */
    private static HttpResponse<String> saveArticle(WebClient admin, String title, String fileName, byte[] file) {
        String page = admin.get("admin/blog-edit").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("article", "article");
        fields.put("article:title", title);
        fields.put("article:content_input", "<p>Текст статьи</p><script>alert(1)</script>");
        fields.put("article:save", "");
        fields.putAll(WebClient.stateOf(page));
        Matcher input = FILE_INPUT.matcher(page);
        assertTrue(input.find(), page);
        Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
        assertTrue(name.find(), input.group());
        return admin.postMultipart("admin/blog-edit", fields, name.group(1), fileName, file);
    }
}
