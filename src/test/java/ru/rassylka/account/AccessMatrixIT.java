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
    private enum Outcome { PAGE, LOGIN, FORBIDDEN, NOT_FOUND }

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
            // with a real SMTP server configured there is no development mailbox at all
            new Rule("dev/mailbox", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.NOT_FOUND),
            new Rule("WEB-INF/templates/layout.xhtml", Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN));

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
        assertTrue(submitted.headers().firstValue("Location").orElse("").endsWith("/profile/"),
                submitted.headers().firstValue("Location").orElse("no Location"));
        assertNotEquals(before, client.sessionId().orElseThrow());
        assertTrue(client.getFollowingFolderRedirect("profile").body().contains(email));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> home = new WebClient(uri()).get("login");
        List<String> policies = home.headers().allValues("Content-Security-Policy");

        assertTrue(policies.stream().anyMatch(policy -> policy.contains("frame-ancestors 'none'")), policies.toString());
        assertTrue(policies.stream().anyMatch(policy -> policy.matches("script-src 'self' 'nonce-[^']+'.*")), policies.toString());
        assertEquals("DENY", home.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", home.headers().firstValue("Referrer-Policy").orElse(""));
        String sessionCookie = home.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue(sessionCookie.contains("HttpOnly"), sessionCookie);
        assertTrue(sessionCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), sessionCookie);
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
            case 200 -> response.body().contains("id=\"login:email\"") && !response.uri().getPath().endsWith("/login")
                    ? Outcome.LOGIN : Outcome.PAGE;
            case 302, 303 -> response.headers().firstValue("Location").orElse("").contains("/login") ? Outcome.LOGIN : Outcome.PAGE;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Outcome.NOT_FOUND;
            default -> throw new AssertionError("Unexpected status " + response.statusCode() + " for " + response.uri());
        };
    }

    private WebClient loggedIn(String name, String... roles) {
        String email = createUser(name, roles);
        WebClient client = new WebClient(uri());
        HttpResponse<String> response = client.logIn(email, PASSWORD);
        assertEquals(302, response.statusCode(), "login of " + email + " failed: " + response.body());
        return client;
    }

    private String createUser(String name, String... roles) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        HttpResponse<String> created = new WebClient(uri()).post("test-support/users",
                Map.of("email", email, "password", PASSWORD, "roles", String.join(",", roles)));
        assertEquals(201, created.statusCode());
        return email;
    }

    private URI uri() {
        return URI.create(base.toString());
    }
}
