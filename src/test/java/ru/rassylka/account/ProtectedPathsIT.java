package ru.rassylka.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.TestLogins;
import ru.rassylka.testing.WebClient;

/**
 * Protected folders spelled as an attacker spells them: through a resource-looking prefix, with
 * {@code ..}, {@code %2e%2e}, {@code ;}, doubled slashes, {@code /./}, upper case and path
 * parameters. A session that lost its right to a folder gets the login page (or 404), never data.
 */
@ArquillianTest
@RunAsClient
class ProtectedPathsIT {

    private static final String PASSWORD = "paths password";
    private static final List<String> MANAGER_FOLDERS = List.of("manage/users", "manage/mailings");
    /** Every protected folder, for an account that may open all of them (USER, MANAGER and ADMIN). */
    private static final List<String> ALL_FOLDERS = List.of(
            "clients/",
            "messages/",
            "mailings/",
            "profile/",
            "reports",
            "runs/1",
            "suppressions/",
            "manage/users",
            "manage/mailings",
            "admin/users",
            "admin/blog",
            "dev/mailbox");

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    /** Every way of writing the folder that this test knows of, as sent on the wire. */
    private static List<String> spellings(String folder) {
        int slash = folder.indexOf('/');
        String name = slash < 0 ? folder : folder.substring(0, slash);
        String rest = slash < 0 ? "" : folder.substring(slash);
        return List.of(
                folder,
                "jakarta.faces.resource/../" + folder,
                "jakarta.faces.resource/%2e%2e/" + folder,
                "jakarta.faces.resource/%2E%2E/" + folder,
                "jakarta.faces.resource/..;/" + folder,
                "jakarta.faces.resource;x=1/../" + folder,
                "jakarta.faces.resource/..%2f" + folder,
                "jakarta.faces.resource/theme.css.xhtml/../../" + folder,
                "/" + folder,
                "./" + folder,
                "x/../" + folder,
                folder.toUpperCase(),
                name + ";x=1" + rest,
                name + ";jsessionid=x" + rest);
    }

    @Test
    void aBlockedAccountsOpenSessionReachesNoDataWhateverTheSpellingOfTheAddress() {
        String email = logins().create("blocked-paths", "MANAGER", "ADMIN");
        String clientName = "Тайный Клиент " + System.nanoTime();
        assertEquals(
                201,
                new WebClient(uri())
                        .post(
                                "test-support/workspace/client",
                                Map.of(
                                        "owner",
                                        email,
                                        "email",
                                        "secret-" + System.nanoTime() + "@example.org",
                                        "name",
                                        clientName))
                        .statusCode());
        List<String> addresses = ALL_FOLDERS.stream()
                .flatMap(folder -> spellings(folder).stream())
                .toList();
        // one session per address, each opened before the block: the first request that is seen ends a session
        List<WebClient> sessions =
                addresses.stream().map(address -> logins().logIn(email)).toList();
        assertTrue(sessions.get(0).get("clients/").body().contains(clientName), "the open session sees its clients");
        // managers and administrators are blocked by an administrator
        WebClient admin = logins().logIn(logins().create("blocking-admin", "ADMIN"));

        assertEquals(
                204,
                admin.post("test-support/block", Map.of("email", email, "reason", "test"))
                        .statusCode());

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            HttpResponse<String> response = followingRedirectsOtherThanLogin(
                    sessions.get(i), sessions.get(i).getRaw(addresses.get(i)));
            checkRefused(leaks, addresses.get(i), response, List.of(email, clientName));
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void aRevokedManagersOpenSessionKeepsNoManagerPagesWhateverTheSpellingOfTheAddress() {
        String email = logins().create("revoked-paths", "MANAGER");
        List<String> addresses = MANAGER_FOLDERS.stream()
                .flatMap(folder -> spellings(folder).stream())
                .toList();
        List<WebClient> sessions =
                addresses.stream().map(address -> logins().logIn(email)).toList();
        assertEquals(200, sessions.get(0).get("manage/users").statusCode());
        WebClient admin = logins().logIn(logins().create("revoking-admin", "ADMIN"));

        assertEquals(
                204, admin.post("test-support/revoke", Map.of("email", email)).statusCode());

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            HttpResponse<String> response = followingRedirectsOtherThanLogin(
                    sessions.get(i), sessions.get(i).getRaw(addresses.get(i)));
            checkRefused(leaks, addresses.get(i), response, List.of(email, "id=\"users\""));
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void sessionsOpenBeforeAPasswordChangeReachNoDataWhateverTheSpellingOfTheAddress() {
        String email = logins().create("changed-paths", "MANAGER", "ADMIN");
        List<String> addresses = ALL_FOLDERS.stream()
                .flatMap(folder -> spellings(folder).stream())
                .toList();
        List<WebClient> sessions =
                addresses.stream().map(address -> logins().logIn(email)).toList();
        WebClient changing = logins().logIn(email);
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
                        "a changed password 3",
                        "password:repeat",
                        "a changed password 3"));
        assertTrue(changed.body().contains("ui-messages-info"), changed.body());

        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            HttpResponse<String> response = followingRedirectsOtherThanLogin(
                    sessions.get(i), sessions.get(i).getRaw(addresses.get(i)));
            checkRefused(leaks, addresses.get(i), response, List.of(email));
        }
        assertEquals(List.of(), leaks);
    }

    /** Follows the container's redirects (a folder's missing slash) as a browser would, up to the login page. */
    private HttpResponse<String> followingRedirectsOtherThanLogin(WebClient session, HttpResponse<String> response) {
        HttpResponse<String> last = response;
        for (int hop = 0; hop < 3 && (last.statusCode() == 301 || last.statusCode() == 302); hop++) {
            String location = last.headers().firstValue("Location").orElseThrow();
            if (location.contains("/login")) {
                break;
            }
            URI target =
                    URI.create(base.toString()).resolve(URI.create(location).getRawPath());
            last = session.getRaw(uri().relativize(target).toString());
        }
        return last;
    }

    @Test
    void concurrentRequestsOfLoggedInSessionsAreNeverRefusedTheRolesTheyHave() throws Exception {
        String email = logins().create("concurrent-roles");
        List<WebClient> sessions = List.of(
                logins().logIn(email),
                logins().logIn(email),
                logins().logIn(logins().create("concurrent-roles-other")));
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size() + 1);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (WebClient session : sessions) {
                answers.add(pool.submit(() -> IntStream.range(0, 600)
                        .mapToObj(i -> i % 2 == 0 ? "clients/" : "runs/" + (700_000_000_000L + i))
                        .map(path -> path + " " + session.get(path).statusCode())
                        .filter(answer -> !answer.endsWith(" 200") && !answer.endsWith(" 404"))
                        .toList()));
            }
            WebClient anonymous = new WebClient(uri());
            answers.add(pool.submit(() -> IntStream.range(0, 600)
                    .mapToObj(i -> "blog/" + (600_000_000_000L + i) + " "
                            + anonymous.get("blog/" + (600_000_000_000L + i)).statusCode())
                    .filter(answer -> !answer.endsWith(" 404"))
                    .toList()));
            List<String> unexpected = new ArrayList<>();
            for (Future<List<String>> answer : answers) {
                unexpected.addAll(answer.get());
            }
            assertEquals(List.of(), unexpected);
        } finally {
            pool.shutdown();
        }
    }

    private static void checkRefused(
            List<String> leaks, String address, HttpResponse<String> response, List<String> secrets) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        boolean login = (status == 302 || status == 303) && location.contains("/login");
        boolean refused = login || status == 404 || status == 400;
        List<String> shown = secrets.stream().filter(response.body()::contains).toList();
        if (!refused || !shown.isEmpty()) {
            leaks.add(address + " answered " + status + (location.isEmpty() ? "" : " → " + location)
                    + (shown.isEmpty() ? "" : " showing " + shown));
        }
    }

    private TestLogins logins() {
        return new TestLogins(uri(), PASSWORD);
    }

    private URI uri() {
        return URI.create(base.toString());
    }
}
