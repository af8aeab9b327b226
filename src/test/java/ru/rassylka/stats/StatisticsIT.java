package ru.rassylka.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.WebClient;

/**
 * Statistics over real HTTP after real runs to the test SMTP server, which accepts some
 * recipients, refuses one for good and defers one once: the counts on the mailing page, the run
 * page and the reports match the ledger counted row by row; a manager reads them but changes
 * nothing; another user's run answers 404.
 */
@ArquillianTest
@RunAsClient
class StatisticsIT {

    private static final String PASSWORD = "statistics password";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    /** An owner's mailing that ran once to 2 accepting recipients, 1 refused, 1 deferred once and 1 unsubscribed. */
    private record Ran(String owner, long mailing, long run, String refused, String unsubscribed) {}

    private Ran mixedRun() {
        String owner = createUser("owner");
        long stamp = System.nanoTime();
        // refused for its policy: an unknown user would be suppressed and skipped by a retry
        String refused = "refused-" + stamp + "+policy5xx@example.net";
        String unsubscribed = "gone-" + stamp + "@example.net";
        for (String email : List.of(
                "anna-" + stamp + "@example.net",
                "boris-" + stamp + "@example.net",
                refused,
                "later-" + stamp + "+defer4xx@example.net")) {
            prepare("client", Map.of("owner", owner, "email", email, "name", "Получатель " + email.substring(0, 4)));
        }
        long gone = prepare("client", Map.of("owner", owner, "email", unsubscribed, "name", "Отписавшийся"));
        assertEquals(
                204,
                support()
                        .post("test-support/ledger/unsubscribe", Map.of("client", String.valueOf(gone)))
                        .statusCode());
        long message =
                prepare("message", Map.of("owner", owner, "subject", "Новости", "body", "Здравствуйте, {{full_name}}"));
        LocalDateTime first =
                LocalDateTime.now(ZoneId.of("Europe/Moscow")).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        long mailing = prepare(
                "mailing",
                Map.of(
                        "owner",
                        owner,
                        "name",
                        "Статистика " + stamp,
                        "message",
                        String.valueOf(message),
                        "first",
                        first.toString(),
                        "periodicity",
                        "ONCE"));
        long run = awaitFinishedRun(mailing, 1);
        return new Ran(owner, mailing, run, refused, unsubscribed);
    }

    @Test
    void pagesCountWhatTheLedgerRecordedAfterARunWithMixedOutcomes() {
        Ran ran = mixedRun();
        assertEquals(
                "5|3|1|1|5",
                ledger(ran.run()),
                "2 accepted, 1 deferred then accepted, 1 refused, 1 unsubscribed; 5 attempts");
        String[] summary = support()
                .get("test-support/ledger/summary?run=" + ran.run())
                .body()
                .split("\\|");
        assertEquals(summary[1], summary[0], "a finished run's summary has one row per hour, outcome and code");
        assertEquals("5", summary[2], "the summary counts every attempt");
        WebClient owner = loggedIn(ran.owner());

        String mailingPage = owner.get("mailings/" + ran.mailing()).body();
        assertEquals("1", field(mailingPage, "stats:runCount"));
        assertEquals("3", field(mailingPage, "stats:totalSent"));
        assertEquals("1", field(mailingPage, "stats:totalFailed"));
        assertEquals("1", field(mailingPage, "stats:totalSkipped"));
        assertEquals("0", field(mailingPage, "stats:totalPending"));
        assertEquals("5", field(mailingPage, "stats:totalAttempts"));
        assertTrue(mailingPage.contains("stats:perDay"), "the chart of sends per day is on the page");

        String runPage = owner.get("runs/" + ran.run()).body();
        assertEquals("5", field(runPage, "live:total"));
        assertEquals("3", field(runPage, "live:sent"));
        assertEquals("1", field(runPage, "live:failed"));
        assertEquals("1", field(runPage, "live:skipped"));
        assertEquals("0", field(runPage, "live:pending"));
        assertTrue(runPage.contains("actions:retryFailed"), "the owner may retry the failed recipient");
        assertTrue(
                runPage.contains("\"data\":[3,1,1]") || runPage.contains("\"data\":[3,1,1]".replace("\"", "&quot;")),
                "reply codes 250 ×3, 451 ×1, 550 ×1 in the chart");

        String reports = owner.get("reports/").body();
        assertEquals("1", field(reports, "runs"));
        assertEquals("3", field(reports, "sent"));
        assertEquals("1", field(reports, "failed"));
        assertEquals("5", field(reports, "attempts"));

        HttpResponse<String> export = owner.get("runs/export?id=" + ran.run());
        assertEquals(200, export.statusCode());
        List<String> lines = export.body().lines().toList();
        assertEquals(3, lines.size(), "a header and who did not receive it: " + export.body());
        assertTrue(export.body().contains(ran.refused()) && export.body().contains("550"), export.body());
        assertTrue(export.body().contains(ran.unsubscribed()) && export.body().contains("UNSUBSCRIBED"), export.body());
    }

    @Test
    void deliveriesAreFoundByTheStartOfTheirAddressEveryTimeTheSearchRuns() {
        Ran ran = mixedRun();
        WebClient owner = loggedIn(ran.owner());
        String runPage = owner.get("runs/" + ran.run()).body();
        String prefix = ran.refused().substring(0, "refused-".length() + 4).toUpperCase();

        // more often than the driver and the database take to switch to a prepared statement's generic plan
        for (int i = 0; i < 12; i++) {
            String found = owner.post(
                            "runs/view?id=" + ran.run(),
                            WebClient.form(
                                    runPage, "deliveries", Map.of("deliveries:search", prefix, "deliveries:find", "")))
                    .body();
            assertTrue(found.contains(ran.refused()), "search " + i + " finds the refused address");
            assertFalse(found.contains(ran.unsubscribed()), "search " + i + " shows nobody else");
        }
        String none = owner.post(
                        "runs/view?id=" + ran.run(),
                        WebClient.form(
                                runPage, "deliveries", Map.of("deliveries:search", "refused-%", "deliveries:find", "")))
                .body();
        assertFalse(none.contains(ran.refused()), "a wildcard in the search is taken literally");
    }

    @Test
    void retryFailedStartsARunForJustTheFailedRecipients() {
        Ran ran = mixedRun();
        WebClient owner = loggedIn(ran.owner());
        String runPage = owner.get("runs/" + ran.run()).body();

        HttpResponse<String> retried = owner.post(
                "runs/view?id=" + ran.run(), WebClient.form(runPage, "actions", Map.of("actions:retryFailed", "")));

        assertEquals(302, retried.statusCode(), retried.body());
        long retry = awaitFinishedRun(ran.mailing(), 2);
        String location = retried.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/runs/" + retry), "the new run's clean address: " + location);
        assertEquals("1|0|1|0|1", ledger(retry), "only the refused recipient, refused again");
        assertEquals("1", field(owner.get("runs/" + retry).body(), "live:failed"));
    }

    @Test
    void sendNowPostedTwiceFromOnePageStartsOneRunAndSendsOneMailPerRecipient() {
        String ownerEmail = createUser("twice");
        long stamp = System.nanoTime();
        List<String> recipients = List.of(
                "ada-" + stamp + "@example.net", "ben-" + stamp + "@example.net", "cyd-" + stamp + "@example.net");
        for (String email : recipients) {
            prepare("client", Map.of("owner", ownerEmail, "email", email, "name", "Получатель"));
        }
        long message = prepare(
                "message", Map.of("owner", ownerEmail, "subject", "Сейчас", "body", "Здравствуйте, {{full_name}}"));
        long mailing = prepare(
                "mailing",
                Map.of(
                        "owner",
                        ownerEmail,
                        "name",
                        "Дважды " + stamp,
                        "message",
                        String.valueOf(message),
                        "first",
                        LocalDateTime.now()
                                .plusYears(1)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString(),
                        "periodicity",
                        "ONCE"));
        WebClient owner = loggedIn(ownerEmail);
        String page = owner.get("mailings/" + mailing).body();

        // a double click: the same form of the same page, twice at once
        List<HttpResponse<String>> answers =
                twice(owner, "mailings/view?id=" + mailing, formOf(page, "actions", "actions:sendNow"));

        for (HttpResponse<String> answer : answers) {
            assertEquals(302, answer.statusCode(), answer.body());
        }
        List<String> runs = awaitAllRunsFinished(mailing);
        assertEquals(1, runs.size(), "one run for one press: " + runs);
        for (String to : recipients) {
            assertEquals("1", support().get("test-support/mail-count?to=" + to).body(), "e-mails to " + to);
            assertEquals(
                    "1", support().get("test-support/envelope-count?to=" + to).body(), "e-mails with RCPT TO " + to);
        }
        assertTrue(page.contains("Отправить сейчас: 3 получателя"), "the button says what it will do");
        assertTrue(owner.get("mailings/" + mailing + "?lang=en").body().contains("Send now to 3 recipients"));
    }

    @Test
    void retryFailedTwiceStartsOneRetryRun() {
        Ran ran = mixedRun();
        WebClient owner = loggedIn(ran.owner());
        String runPage = owner.get("runs/" + ran.run()).body();
        Map<String, String> retryForm = formOf(runPage, "actions", "actions:retryFailed");

        List<HttpResponse<String>> answers = twice(owner, "runs/view?id=" + ran.run(), retryForm);

        long retry = awaitFinishedRun(ran.mailing(), 2);
        for (HttpResponse<String> answer : answers) {
            assertEquals(302, answer.statusCode(), answer.body());
            assertTrue(
                    answer.headers().firstValue("Location").orElse("").endsWith("/runs/" + retry),
                    "both show the one retry run");
        }
        assertEquals("1|0|1|0|1", ledger(retry), "the refused recipient was tried once more, once");
        String again = owner.get("runs/" + ran.run()).body();
        assertFalse(again.contains("actions:retryFailed"), "no retry of a run that has been retried");
        assertTrue(again.contains("/runs/" + retry), "the run links to its retry");
        HttpResponse<String> late = owner.post("runs/view?id=" + ran.run(), retryForm);
        assertTrue(
                late.headers().firstValue("Location").orElse("").endsWith("/runs/" + retry),
                "a late repeat shows the retry run");
        assertEquals(2, runLines(ran.mailing()).size(), "the run and its one retry: " + runLines(ran.mailing()));
        assertTrue(runPage.contains("Повторить для 1 получателя"), "the button says what it will do");
    }

    /** The fields a browser posts when the button of a form is pressed: the form's hidden fields and the button. */
    private static Map<String, String> formOf(String page, String formId, String button) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(page);
        while (input.find()) {
            Matcher name = Pattern.compile("name=\"(" + Pattern.quote(formId) + ":[^\"]+)\"")
                    .matcher(input.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (name.find() && value.find()) {
                fields.put(name.group(1), value.group(1));
            }
        }
        fields.put(button, "");
        return WebClient.form(page, formId, fields);
    }

    /** Posts the form twice at the same time, as a double click does. */
    private static List<HttpResponse<String>> twice(WebClient client, String path, Map<String, String> form) {
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> client.post(path, form));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> client.post(path, form));
        return List.of(first.join(), second.join());
    }

    /** The mailing's runs once every one of them has finished. */
    private List<String> awaitAllRunsFinished(long mailing) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<String> lines = runLines(mailing);
            if (!lines.isEmpty() && lines.stream().allMatch(line -> line.endsWith("|true"))) {
                return lines;
            }
            pause(300);
        }
        throw new AssertionError(
                "The runs of mailing " + mailing + " did not finish within " + PATIENCE.toSeconds() + " s");
    }

    private List<String> runLines(long mailing) {
        return support()
                .get("test-support/ledger/runs?mailing=" + mailing)
                .body()
                .lines()
                .toList();
    }

    @Test
    void managerSeesStatisticsButChangesNothing() {
        Ran ran = mixedRun();
        String managerEmail = createUser("manager", "MANAGER");
        WebClient manager = loggedIn(managerEmail);

        String managed = manager.get("manage/mailing?id=" + ran.mailing()).body();
        assertEquals("3", field(managed, "stats:totalSent"));
        assertEquals("5", field(managed, "stats:totalAttempts"));
        HttpResponse<String> runPage = manager.get("runs/" + ran.run());
        assertEquals(200, runPage.statusCode());
        assertEquals("3", field(runPage.body(), "live:sent"));
        assertFalse(runPage.body().contains("actions:retryFailed"), "no change control for a manager");
        assertEquals(200, manager.get("runs/export?id=" + ran.run()).statusCode());
        String report = manager.get("reports/?user=" + userId(ran.owner())).body();
        assertEquals("3", field(report, "sent"));
        assertTrue(manager.get("reports/").body().contains(ran.owner()), "the manager's report lists users");

        // a forged retry from the manager's copy of the run page answers 404 and starts nothing
        assertEquals(
                404,
                manager.post(
                                "runs/view?id=" + ran.run(),
                                WebClient.form(runPage.body(), "actions", Map.of("actions:retryFailed", "")))
                        .statusCode());
        // the owner's pages and their actions answer 404 to the manager
        assertEquals(404, manager.get("mailings/" + ran.mailing()).statusCode());
        assertEquals(404, manager.get("mailings/edit?id=" + ran.mailing()).statusCode());
        String ownMailing =
                manager.get("mailings/" + laterMailingOf(managerEmail)).body();
        for (String button : new String[] {"actions:sendNow", "actions:pause", "actions:delete"}) {
            Map<String, String> forged = WebClient.form(ownMailing, "actions", Map.of(button, ""));
            forged.put("id", String.valueOf(ran.mailing()));
            assertEquals(404, manager.post("mailings/view", forged).statusCode(), button);
        }
        pause(1500);
        assertEquals(
                1,
                support()
                        .get("test-support/ledger/runs?mailing=" + ran.mailing())
                        .body()
                        .lines()
                        .count(),
                "no new run");
        assertEquals("5|3|1|1|5", ledger(ran.run()));
    }

    @Test
    void anotherUsersRunAndMailingAnswer404() {
        Ran ran = mixedRun();
        WebClient stranger = loggedIn(createUser("stranger"));

        assertEquals(404, stranger.get("runs/" + ran.run()).statusCode());
        assertEquals(404, stranger.get("runs/view?id=" + ran.run()).statusCode());
        assertEquals(404, stranger.get("runs/export?id=" + ran.run()).statusCode());
        assertEquals(404, stranger.get("mailings/" + ran.mailing()).statusCode());
        assertEquals(403, stranger.get("manage/mailing?id=" + ran.mailing()).statusCode());
        String report = stranger.get("reports/?user=" + userId(ran.owner())).body();
        assertEquals(
                "0", field(report, "sent"), "a user's report covers only their own mailings, whatever the parameter");
    }

    /** A mailing of the user's own next year: a real page with real forms to forge posts from. */
    private long laterMailingOf(String owner) {
        long message = prepare("message", Map.of("owner", owner, "subject", "Своё", "body", "Своё"));
        LocalDateTime first = LocalDateTime.now().plusYears(1).truncatedTo(ChronoUnit.HOURS);
        return prepare(
                "mailing",
                Map.of(
                        "owner",
                        owner,
                        "name",
                        "Своя",
                        "message",
                        String.valueOf(message),
                        "first",
                        first.toString(),
                        "periodicity",
                        "ONCE"));
    }

    private long awaitFinishedRun(long mailing, int runs) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<String> lines = support()
                    .get("test-support/ledger/runs?mailing=" + mailing)
                    .body()
                    .lines()
                    .toList();
            if (lines.size() >= runs && lines.get(runs - 1).endsWith("|true")) {
                return Long.parseLong(lines.get(runs - 1).split("\\|")[0]);
            }
            pause(300);
        }
        throw new AssertionError(
                "Run " + runs + " of mailing " + mailing + " did not finish within " + PATIENCE.toSeconds() + " s");
    }

    private String ledger(long run) {
        return support().get("test-support/ledger/count?run=" + run).body();
    }

    private long userId(String email) {
        return Long.parseLong(
                support().get("test-support/ledger/user?email=" + email).body().trim());
    }

    private static String field(String page, String id) {
        Matcher value = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(page);
        assertTrue(value.find(), id + " is on the page: " + page);
        return value.group(1).trim();
    }

    private long prepare(String what, Map<String, String> parameters) {
        HttpResponse<String> created = support().post("test-support/workspace/" + what, parameters);
        assertEquals(201, created.statusCode(), created.body());
        return Long.parseLong(created.body().trim());
    }

    private WebClient loggedIn(String email) {
        WebClient client = new WebClient(uri());
        assertEquals(302, client.logIn(email, PASSWORD).statusCode(), "login of " + email);
        return client;
    }

    private String createUser(String name, String... roles) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        HttpResponse<String> created = support()
                .post(
                        "test-support/users",
                        Map.of("email", email, "password", PASSWORD, "roles", String.join(",", roles)));
        assertEquals(201, created.statusCode());
        return email;
    }

    private WebClient support() {
        return new WebClient(uri());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri() {
        return URI.create(base.toString());
    }
}
