package ru.rassylka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import ru.rassylka.testing.Browser;
import ru.rassylka.testing.Journeys;
import ru.rassylka.testing.TestDatabases;
import ru.rassylka.testing.WebClient;

/**
 * The WAR on a fresh full Payara Server, set up by {@code payara-config/server/setup.sh} from an
 * {@code .env} file (the server zip comes from the local Maven repository): the configured
 * administrator logs in, a monthly mailing planned before a restart of the domain fires once after
 * it from the timer kept in PostgreSQL, and the admin REST interface lists the application and pings
 * its pool. Runs in the {@code server} profile ({@code ./mvnw verify -Pserver}).
 */
class PayaraServerIT {

    private static final String DOMAIN = "rassylka-it";
    private static final String ADMIN_EMAIL = "admin@server.example.org";
    // characters that asadmin reads specially, to show the password alias keeps them
    private static final String ADMIN_PASSWORD = "server:admin=pass\\word";
    private static final String RECIPIENT = "reader@server.example.org";
    private static final ZoneId OWNER_ZONE = ZoneId.of("Europe/Moscow");

    private static final String DB_NAME = System.getProperty("rassylka.server.dbName", "rassylka_server");
    private static final String PORT = System.getProperty("rassylka.server.port", "18081");
    private static final String ADMIN_PORT = System.getProperty("rassylka.server.adminPort", "14848");
    private static final File BUILD = new File(System.getProperty("rassylka.buildDir", "target"));
    private static final File SCRIPT =
            new File(System.getProperty("rassylka.configDir", "payara-config"), "server/setup.sh");

    private static GreenMail smtp;
    private static File asadmin;
    private static String base;

    @BeforeAll
    static void setUpTheServerWithTheScript() throws IOException {
        smtp = new GreenMail(
                new ServerSetup(Integer.getInteger("rassylka.server.smtpPort", 3025), "127.0.0.1", "smtp"));
        smtp.start();
        Path env = BUILD.toPath().resolve("payara-server-it.env");
        Files.writeString(
                env,
                String.join(
                        "\n",
                        "PORT=" + PORT,
                        "BASE_URL=http://rassylka.example.org",
                        "DB_HOST=" + System.getProperty("rassylka.testDb.host", "127.0.0.1"),
                        "DB_PORT=" + System.getProperty("rassylka.testDb.port", "5432"),
                        "DB_NAME=" + DB_NAME,
                        "DB_USER=" + TestDatabases.user(),
                        "DB_PASSWORD='" + TestDatabases.password() + "'",
                        "SMTP_HOST=127.0.0.1",
                        "SMTP_PORT=" + smtp.getSmtp().getPort(),
                        "SMTP_TLS=none",
                        "MAIL_FROM='Rassylka <no-reply@server.example.org>'",
                        "ADMIN_EMAIL=" + ADMIN_EMAIL,
                        "ADMIN_PASSWORD='" + ADMIN_PASSWORD + "'",
                        "PASSWORD_HASH_ITERATIONS=1024",
                        ""));
        List<String> command =
                new ArrayList<>(List.of("bash", SCRIPT.getAbsolutePath(), "--env", env.toString(), "--domain", DOMAIN));
        String payaraHome = System.getProperty("rassylka.server.payaraHome", "");
        File home = payaraHome.isBlank() ? new File(BUILD, "payara-server/payara6") : new File(payaraHome);
        if (!payaraHome.isBlank()) {
            command.addAll(List.of("--payara", payaraHome));
        }
        asadmin = new File(home, "bin/asadmin");
        run(
                command,
                Map.of(
                        "ADMIN_PORT",
                        ADMIN_PORT,
                        "HTTPS_PORT",
                        System.getProperty("rassylka.server.httpsPort", "18182"),
                        "HAZELCAST_PORT",
                        System.getProperty("rassylka.server.hazelcastPort", "16900")),
                "payara-server-setup.log");
        base = "http://localhost:" + PORT;
        awaitHomePage();
    }

    @AfterAll
    static void stopAndDeleteTheDomain() throws IOException {
        try {
            if (asadmin != null && asadmin.exists()) {
                run(List.of(asadmin.getPath(), "stop-domain", DOMAIN), Map.of(), "payara-server-stop.log");
                run(List.of(asadmin.getPath(), "delete-domain", DOMAIN), Map.of(), "payara-server-stop.log");
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void aMailingPlannedBeforeARestartOfTheDomainIsSentOnceAfterItAndTheAdminInterfaceSeesTheApplication()
            throws Exception {
        assertEquals(
                302,
                new WebClient(URI.create(base + "/"))
                        .logIn(ADMIN_EMAIL, ADMIN_PASSWORD)
                        .statusCode(),
                "the administrator of the .env logs in with the password kept as an alias");
        ZonedDateTime firstSend = ZonedDateTime.now(OWNER_ZONE).plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
        WebDriver browser = Browser.open();
        try {
            Journeys.logInAndWait(browser, base, ADMIN_EMAIL, ADMIN_PASSWORD);
            Journeys.createClient(browser, base, RECIPIENT, "Читатель Сервера");
            Journeys.createMessage(browser, base, "Письмо с сервера", "Здравствуйте, {{full_name}}!");
            Journeys.createMonthlyMailingToAllClients(
                    browser,
                    base,
                    "Ежемесячная с сервера",
                    "Письмо с сервера",
                    firstSend.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
        } finally {
            browser.quit();
        }
        assertEquals(1, count("select count(*) from \"EJB__TIMER__TBL\""), "the mailing's timer is kept in PostgreSQL");
        assertEquals(0, smtp.getReceivedMessages().length, "nothing is sent before the first send");

        run(
                List.of(asadmin.getPath(), "--port", ADMIN_PORT, "restart-domain", DOMAIN),
                Map.of(),
                "payara-server-restart.log");
        awaitHomePage();

        assertTrue(
                smtp.waitForIncomingEmail(
                        Duration.between(Instant.now(), firstSend.toInstant()).toMillis() + 120_000, 1),
                "the occurrence planned before the restart is sent");
        TimeUnit.SECONDS.sleep(10);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length, "sent once");
        assertEquals(RECIPIENT, ((InternetAddress) received[0].getAllRecipients()[0]).getAddress());
        assertEquals("Письмо с сервера", received[0].getSubject());
        assertTrue(
                received[0]
                        .getSentDate()
                        .toInstant()
                        .isAfter(firstSend.toInstant().minusSeconds(1)),
                "not before its time");
        assertEquals(
                1,
                count(
                        "select count(*) from mailing where next_run_at = (first_send at time zone time_zone) + interval '1 month'"),
                "the next occurrence is a month after the first");
        assertEquals(1, count("select count(*) from \"EJB__TIMER__TBL\""), "one timer waits for it");

        String application = admin("/management/domain/applications/application");
        assertTrue(application.contains("\"rassylka\""), application);
        String ping = admin("/management/domain/resources/ping-connection-pool?id=rassylka-pool");
        assertTrue(ping.contains("\"exit_code\":\"SUCCESS\""), ping);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        TestDatabases.url(DB_NAME), TestDatabases.user(), TestDatabases.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String admin(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + ADMIN_PORT + path))
                                .header("Accept", "application/json")
                                .header("X-Requested-By", "rassylka")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static void run(List<String> command, Map<String, String> environment, String logName) throws IOException {
        File log = new File(BUILD, logName);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        // only the .env file gives settings: none of the build's variables for Payara Micro leak in
        builder.environment()
                .keySet()
                .retainAll(List.of("PATH", "HOME", "JAVA_HOME", "LANG", "USER", "TMPDIR", "MAVEN_OPTS"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish; see " + log);
            }
            assertEquals(0, process.exitValue(), command + " failed; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitHomePage() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(
                                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The service did not answer at " + base + " within 5 minutes");
    }
}
