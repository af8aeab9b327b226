package ru.rassylka.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.WebClient;

/** Who reaches which page: anonymous, USER, MANAGER and ADMIN against every protected prefix. */
@ArquillianTest
@RunAsClient
class AccessMatrixIT {

    private static final String PASSWORD = "matrix password";

    /** What a request may end in. */
    private enum Outcome {
        PAGE,
        LOGIN,
        FORBIDDEN,
        NOT_FOUND
    }

    /** The expected outcome per page for anonymous, USER, MANAGER and ADMIN, in that order. */
    private record Rule(String path, Outcome anonymous, Outcome user, Outcome manager, Outcome admin) {}

    private static final List<Rule> RULES = List.of(
            new Rule("", Outcome.PAGE, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("login", Outcome.PAGE, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("register", Outcome.PAGE, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("password-reset", Outcome.PAGE, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("verify", Outcome.PAGE, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("profile", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("profile/index.xhtml", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("clients/", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("clients/edit", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("clients/import", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("messages/", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("messages/edit", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("mailings/", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("mailings/edit", Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("manage/mailings", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.PAGE, Outcome.FORBIDDEN),
            new Rule("manage/users", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.PAGE, Outcome.FORBIDDEN),
            new Rule("manage/users.xhtml", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.PAGE, Outcome.FORBIDDEN),
            new Rule("admin/users", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.PAGE),
            new Rule("admin/users.xhtml", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.PAGE),
            new Rule("blog/", Outcome.PAGE, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE),
            new Rule("admin/blog", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.PAGE),
            new Rule("admin/blog-edit", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.PAGE),
            // with a real SMTP server configured there is no development mailbox at all
            new Rule("dev/mailbox", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.NOT_FOUND),
            new Rule(
                    "WEB-INF/templates/layout.xhtml",
                    Outcome.FORBIDDEN,
                    Outcome.FORBIDDEN,
                    Outcome.FORBIDDEN,
                    Outcome.FORBIDDEN));

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    @Test
    void everyRoleGetsExactlyWhatItIsAllowed() {
        WebClient anonymous = new WebClient(uri());
        WebClient user = loggedIn("user");
        WebClient manager = loggedIn("manager", "MANAGER");
        WebClient admin = loggedIn("admin", "ADMIN");

        List<String> mismatches = new ArrayList<>();
        for (Rule rule : RULES) {
            check(mismatches, "anonymous", anonymous, rule.path(), rule.anonymous());
            check(mismatches, "USER", user, rule.path(), rule.user());
            check(mismatches, "MANAGER", manager, rule.path(), rule.manager());
            check(mismatches, "ADMIN", admin, rule.path(), rule.admin());
        }

        assertEquals(List.of(), mismatches);
    }

    @Test
    void loginReturnsToThePageThatAskedAndChangesTheSessionId() {
        String email = createUser("return");
        WebClient client = new WebClient(uri());

        HttpResponse<String> asked = client.getFollowingFolderRedirect("profile");
        assertEquals(Outcome.LOGIN, outcome(asked));
        String before = client.sessionId().orElse("");
        HttpResponse<String> submitted = client.submitLogin(asked.body(), email, PASSWORD);

        assertEquals(302, submitted.statusCode());
        assertTrue(
                submitted.headers().firstValue("Location").orElse("").endsWith("/profile/"),
                submitted.headers().firstValue("Location").orElse("no Location"));
        assertNotEquals(before, client.sessionId().orElseThrow());
        assertTrue(client.getFollowingFolderRedirect("profile").body().contains(email));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> home = new WebClient(uri()).get("login");
        List<String> policies = home.headers().allValues("Content-Security-Policy");

        assertTrue(
                policies.stream().anyMatch(policy -> policy.contains("frame-ancestors 'none'")), policies.toString());
        assertTrue(
                policies.stream().anyMatch(policy -> policy.matches("script-src 'self' 'nonce-[^']+'.*")),
                policies.toString());
        assertEquals("DENY", home.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals(
                "nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", home.headers().firstValue("Referrer-Policy").orElse(""));
        // the login page itself opens no session; logging in does
        HttpResponse<String> login = new WebClient(uri()).logIn(createUser("cookie"), PASSWORD);
        String sessionCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst()
                .orElse("");
        assertTrue(sessionCookie.contains("HttpOnly"), sessionCookie);
        assertTrue(sessionCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), sessionCookie);
    }

    @Test
    void managerBlocksUsersButOnlyAnAdministratorBlocksManagersAndAdministrators() {
        WebClient manager = loggedIn("blocker", "MANAGER");
        String user = createUser("blockee");
        String otherManager = createUser("peer", "MANAGER");
        String admin = createUser("boss", "ADMIN");

        HttpResponse<String> againstAdmin = block(manager, admin);
        HttpResponse<String> againstManager = block(manager, otherManager);

        assertEquals(409, againstAdmin.statusCode());
        assertEquals("manage.users.onlyAdminBlocksStaff", againstAdmin.body());
        assertEquals(409, againstManager.statusCode());
        assertEquals(
                Outcome.PAGE,
                outcome(logIn(admin).getFollowingFolderRedirect("admin/users")),
                "the admin is not blocked");
        assertEquals(204, block(manager, user).statusCode());
        assertEquals(204, block(logIn(admin), otherManager).statusCode());
    }

    @Test
    void revokedAndGrantedRolesEndTheAccountsSessionAtItsNextRequest() {
        String managerEmail = createUser("demoted", "MANAGER");
        String userEmail = createUser("promoted");
        WebClient manager = logIn(managerEmail);
        WebClient user = logIn(userEmail);
        WebClient admin = loggedIn("roles", "ADMIN");
        assertEquals(Outcome.PAGE, outcome(manager.get("manage/users")));
        assertEquals(Outcome.FORBIDDEN, outcome(user.get("manage/users")));

        assertEquals(
                204,
                admin.post("test-support/revoke", Map.of("email", managerEmail)).statusCode());
        assertEquals(
                204,
                admin.post("test-support/grant", Map.of("email", userEmail)).statusCode());

        assertEquals(Outcome.LOGIN, outcome(manager.get("manage/users")));
        // the container refuses this one on the roles the session had, and the session ends with it
        assertEquals(Outcome.FORBIDDEN, outcome(user.get("manage/users")));
        assertEquals(Outcome.LOGIN, outcome(user.getFollowingFolderRedirect("profile")));
        assertEquals(Outcome.FORBIDDEN, outcome(logIn(managerEmail).get("manage/users")));
        assertEquals(Outcome.PAGE, outcome(logIn(userEmail).get("manage/users")));
    }

    @Test
    void passwordResetEndsTheAccountsOpenSessions() {
        String email = createUser("reset-sessions");
        WebClient open = logIn(email);
        assertEquals(Outcome.PAGE, outcome(open.getFollowingFolderRedirect("profile")));

        assertEquals(
                204,
                new WebClient(uri())
                        .post("test-support/reset", Map.of("email", email, "password", "a new password 1"))
                        .statusCode());

        HttpResponse<String> next = open.getFollowingFolderRedirect("profile");
        assertEquals(Outcome.LOGIN, outcome(next));
        assertTrue(next.headers().firstValue("Location").orElse("").endsWith("/login?refused=changed"));
    }

    @Test
    void passwordChangeEndsTheOtherSessionsButNotItsOwn() {
        String email = createUser("change-sessions");
        WebClient other = logIn(email);
        WebClient changing = logIn(email);
        String profile = changing.getFollowingFolderRedirect("profile").body();

        HttpResponse<String> changed = changing.ajax(
                "profile/",
                profile,
                "password",
                "password:change",
                "@all",
                Map.of(
                        "password:current",
                        PASSWORD,
                        "password:next",
                        "another password 2",
                        "password:repeat",
                        "another password 2"));

        assertEquals(200, changed.statusCode());
        assertTrue(changed.body().contains("ui-messages-info"), changed.body());
        assertEquals(Outcome.PAGE, outcome(changing.getFollowingFolderRedirect("profile")));
        assertEquals(Outcome.LOGIN, outcome(other.getFollowingFolderRedirect("profile")));
    }

    @Test
    void aGetCarryingAViewStateRunsNoAction() {
        String email = createUser("get-action");
        WebClient client = logIn(email);
        String profile = client.getFollowingFolderRedirect("profile").body();
        String query = "password=password&password:change=password:change&password:current=" + encode(PASSWORD)
                + "&password:next=hijacked+password+1&password:repeat=hijacked+password+1&jakarta.faces.ViewState="
                + encode(WebClient.viewState(profile)) + "&primefaces.nonce=" + encode(WebClient.nonce(profile));

        HttpResponse<String> response = client.get("profile/?" + query);

        assertEquals(400, response.statusCode());
        assertEquals(302, new WebClient(uri()).logIn(email, PASSWORD).statusCode(), "the password is unchanged");
    }

    @Test
    void formPostsWithoutTheNonceOrWithAForeignViewStateAnswer400() {
        WebClient client = loggedIn("forger");
        String profile = client.getFollowingFolderRedirect("profile").body();
        Map<String, String> fields = Map.of("password:current", PASSWORD, "password:next", "x", "password:repeat", "x");

        Map<String, String> withoutNonce = new java.util.LinkedHashMap<>(Map.of(
                "password",
                "password",
                "password:change",
                "password:change",
                "jakarta.faces.ViewState",
                WebClient.viewState(profile)));
        withoutNonce.putAll(fields);
        HttpResponse<String> noNonce = client.post("profile/", withoutNonce);
        HttpResponse<String> foreignState = client.ajax(
                "profile/",
                profile.replace(WebClient.viewState(profile), "-123:-456"),
                "password",
                "password:change",
                "@all",
                fields);

        assertEquals(400, noNonce.statusCode(), noNonce.body());
        assertEquals(400, foreignState.statusCode(), foreignState.body());
    }

    @Test
    void pagesOfALoggedInUserAreNotStoredAndNoPageAllowsInlineScripts() {
        WebClient client = loggedIn("cache");
        HttpResponse<String> profile = client.getFollowingFolderRedirect("profile");

        assertTrue(
                profile.headers().allValues("Cache-Control").stream().anyMatch(value -> value.contains("no-store")),
                profile.headers().map().toString());
        for (HttpResponse<String> page : List.of(
                profile,
                new WebClient(uri()).get("login"),
                new WebClient(uri()).get("register"),
                new WebClient(uri()).get("no-such-page"))) {
            for (String policy : page.headers().allValues("Content-Security-Policy")) {
                for (String directive : policy.split(";")) {
                    String name = directive.strip().split(" ")[0];
                    assertTrue(
                            !(name.equals("script-src") || name.equals("default-src"))
                                    || !directive.contains("'unsafe-inline'"),
                            page.uri() + ": " + policy);
                }
            }
        }
    }

    @Test
    void aLoginPostFromAForeignOriginIsRefusedAndLogsNobodyIn() {
        String email = createUser("cross-site");
        WebClient victim = new WebClient(uri()).withHeader("Origin", "https://evil.example");

        HttpResponse<String> posted = victim.logIn(email, PASSWORD);

        assertEquals(403, posted.statusCode(), posted.body());
        assertTrue(
                posted.headers().allValues("Set-Cookie").stream().noneMatch(cookie -> cookie.startsWith("JSESSIONID=")),
                posted.headers().map().toString());
        assertEquals(Outcome.LOGIN, outcome(victim.getFollowingFolderRedirect("profile")));
    }

    @Test
    void aPostWithoutOriginThatTheBrowserMarksCrossSiteIsRefused() {
        String email = createUser("fetch-site");

        HttpResponse<String> posted =
                new WebClient(uri()).withHeader("Sec-Fetch-Site", "cross-site").logIn(email, PASSWORD);

        assertEquals(403, posted.statusCode(), posted.body());
    }

    @Test
    void aSameOriginLoginStillWorks() {
        String email = createUser("same-origin");
        WebClient client =
                new WebClient(uri()).withHeader("Origin", origin()).withHeader("Sec-Fetch-Site", "same-origin");

        HttpResponse<String> posted = client.logIn(email, PASSWORD);

        assertEquals(302, posted.statusCode(), posted.body());
        assertEquals(Outcome.PAGE, outcome(client.getFollowingFolderRedirect("profile")));
    }

    @Test
    void theOneClickUnsubscribeIsAcceptedFromAnotherSite() {
        HttpResponse<String> posted = new WebClient(uri())
                .withHeader("Origin", "https://mail.provider.example")
                .post("unsubscribe?t=no-such-token", Map.of("List-Unsubscribe", "One-Click"));

        // it reaches the unsubscribe servlet, which knows no such link
        assertEquals(404, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("id=\"message\""), posted.body());
    }

    /** The origin of the application's address, as a browser on its pages sends it. */
    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void oneClientAddressBehindTheTrustedProxyGetsOnlyItsShareOfAccountMails() {
        String known = createUser("limited");
        String client = "203.0.113." + (System.nanoTime() % 200 + 1);
        for (int request = 0; request < 50; request++) {
            requestReset(client, "nobody-" + request + "-" + System.nanoTime() + "@example.org");
        }

        String sameClientAnswer = requestReset(client, known);
        requestReset("198.51.100." + (System.nanoTime() % 200 + 1), known);

        // the other client's request was answered with a mail; the same client's, before it, was not
        assertEquals(
                200,
                new WebClient(uri())
                        .get("test-support/mail?to=" + known + "&count=1")
                        .statusCode());
        assertEquals(
                "1",
                new WebClient(uri()).get("test-support/mail-count?to=" + known).body());
        assertTrue(sameClientAnswer.contains("id=\"requested\""), sameClientAnswer);
    }

    /**
     * Asks for a reset link through the page as a client behind the trusted proxy (the tests' client
     * on the loopback address, which the test server trusts); answers the page's answer.
     */
    private String requestReset(String clientAddress, String email) {
        URI loopback = URI.create(base.toString().replaceFirst("//[^:/]+", "//127.0.0.1"));
        WebClient client = new WebClient(loopback).withHeader("X-Forwarded-For", clientAddress);
        String page = client.get("password-reset").body();
        return client.ajax("password-reset", page, "request", "request:submit", "state", Map.of("request:email", email))
                .body();
    }

    private HttpResponse<String> block(WebClient caller, String email) {
        return caller.post("test-support/block", Map.of("email", email, "reason", "test"));
    }

    private void check(List<String> mismatches, String who, WebClient client, String path, Outcome expected) {
        Outcome actual = outcome(client.getFollowingFolderRedirect(path));
        if (actual != expected) {
            mismatches.add(who + " /" + path + ": expected " + expected + " but was " + actual);
        }
    }

    private static Outcome outcome(HttpResponse<String> response) {
        return switch (response.statusCode()) {
            // the login form stands in for a protected page until the visitor logs in
            case 200 ->
                response.body().contains("id=\"login:email\"")
                                && !response.uri().getPath().endsWith("/login")
                        ? Outcome.LOGIN
                        : Outcome.PAGE;
            case 302, 303 ->
                response.headers().firstValue("Location").orElse("").contains("/login") ? Outcome.LOGIN : Outcome.PAGE;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Outcome.NOT_FOUND;
            default ->
                throw new AssertionError("Unexpected status " + response.statusCode() + " for " + response.uri());
        };
    }

    private WebClient loggedIn(String name, String... roles) {
        return logIn(createUser(name, roles));
    }

    private WebClient logIn(String email) {
        WebClient client = new WebClient(uri());
        HttpResponse<String> response = client.logIn(email, PASSWORD);
        assertEquals(302, response.statusCode(), "login of " + email + " failed: " + response.body());
        return client;
    }

    private String createUser(String name, String... roles) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        HttpResponse<String> created = new WebClient(uri())
                .post(
                        "test-support/users",
                        Map.of("email", email, "password", PASSWORD, "roles", String.join(",", roles)));
        assertEquals(201, created.statusCode());
        return email;
    }

    private URI uri() {
        return URI.create(base.toString());
    }
}
