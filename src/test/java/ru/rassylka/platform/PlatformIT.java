package ru.rassylka.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.mail.MailOutbox;
import ru.rassylka.mail.Mailer;
import ru.rassylka.mail.OutgoingMail;
import ru.rassylka.mail.QueuedMail;
import ru.rassylka.platform.persistence.Migrations;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.WebClient;
import ru.rassylka.testing.server.FaultySmtpFront;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestMailServer;
import ru.rassylka.testing.server.TestOutbox;

/** The platform on Payara Micro: migrations and time stamps on the test database, mail over SMTP and through the outbox, the health endpoint. */
@ArquillianTest
class PlatformIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @EJB
    private Mailer mailer;

    @EJB
    private MailOutbox outbox;

    @EJB
    private TestMailServer mailServer;

    @EJB
    private TestOutbox testOutbox;

    @ArquillianResource
    private URL base;

    @EJB
    private TestAccounts testAccounts;

    @Inject
    private HttpServletRequest request;

    @Test
    void migrationsBuildTheSchemaOnTheTestDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertEquals(product(), connection.getMetaData().getDatabaseProductName());
            try (ResultSet applied = statement.executeQuery(
                    "select count(*) from flyway_schema_history where success and version = '1'")) {
                applied.next();
                assertEquals(1, applied.getInt(1));
            }
            try (ResultSet users =
                    statement.executeQuery("select count(*) from app_user where email = 'nobody@example.org'")) {
                users.next();
                assertEquals(0, users.getInt(1));
            }
        }
    }

    @Test
    void instantsKeepTheirMomentInTimestampWithTimeZoneColumns() throws Exception {
        String email = "moment-" + System.nanoTime() + "@example.org";
        Instant created = testAccounts.create(email, "moment password", true).getCreatedAt();

        assertSameMoment(created, testAccounts.byEmail(email).getCreatedAt(), "read back through JPA");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select created_at, extract(epoch from created_at) from app_user where email = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertSameMoment(
                        created, row.getObject(1, OffsetDateTime.class).toInstant(), "the column as JDBC reads it");
                assertEquals(
                        created.getEpochSecond(),
                        row.getBigDecimal(2).longValue(),
                        "the moment as the database sees it");
            }
        }
    }

    @Test
    void mailerDeliversAMultipartMailToTheSmtpServer() throws Exception {
        String recipient = "platform-" + System.nanoTime() + "@example.org";

        mailer.send(new OutgoingMail(recipient, "Проверка связи", "Привет, мир", "<p>Привет, <b>мир</b></p>"));

        MimeMessage received = mailServer.awaitMail(recipient, 1);
        assertEquals("Проверка связи", received.getSubject());
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"));
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    }

    @Test
    void lineBreaksInASubjectNeverReachTheHeaders() throws Exception {
        String recipient = "header-" + System.nanoTime() + "@example.org";
        String injected = "injected-" + System.nanoTime() + "@example.org";

        mailer.send(OutgoingMail.plain(recipient, "Привет\r\nBcc: " + injected, "Текст"));

        MimeMessage received = mailServer.awaitMail(recipient, 1);
        assertEquals("Привет Bcc: " + injected, received.getSubject());
        assertEquals(null, received.getHeader("Bcc"));
        assertTrue(mailServer.to(injected).isEmpty());
    }

    @Test
    void outboxDeliversQueuedMailInTheBackground() {
        String recipient = "outbox-" + System.nanoTime() + "@example.org";

        outbox.queue(OutgoingMail.plain(recipient, "Из очереди", "Письмо из очереди"));

        assertEquals(
                "Из очереди",
                assertDoesNotThrow(() -> mailServer.awaitMail(recipient, 1).getSubject()));
    }

    @Test
    void aMailTheServerKeepsRefusingEndsFailedAndTheOthersOfItsBatchAreSentOnce() throws InterruptedException {
        long run = System.nanoTime();
        String first = "batch-first-" + run + "@example.org";
        String refused = TestMailServer.REFUSED_PREFIX + run + "@example.org";
        String last = "batch-last-" + run + "@example.org";

        testOutbox.queueWithLastAttempt(
                List.of(
                        OutgoingMail.plain(first, "Первое", "1"),
                        OutgoingMail.plain(refused, "Отказ", "2"),
                        OutgoingMail.plain(last, "Последнее", "3")),
                refused,
                QueuedMail.MAX_ATTEMPTS - 1);

        mailServer.awaitMail(first, 1);
        mailServer.awaitMail(last, 1);
        Instant deadline = Instant.now().plusSeconds(15);
        while (!testOutbox.state(refused).equals("failed") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Thread.sleep(5000); // more than two runs of the outbox, which would send a rolled-back batch again

        assertEquals("failed", testOutbox.state(refused));
        assertEquals("sent", testOutbox.state(first));
        assertEquals("sent", testOutbox.state(last));
        assertEquals(1, mailServer.to(first).size());
        assertEquals(1, mailServer.to(last).size());
        assertTrue(mailServer.to(refused).isEmpty());
    }

    @Test
    void anAccountMailToACyrillicLocalPartGoesOutOnlyWithSmtputf8AndFailsAtOnceWithItsReasonWithout() throws Exception {
        String marker = "-" + System.nanoTime() + "@example.org";
        String offered = "проверка" + marker;
        String notOffered = "отказ" + marker.replace("@", "0@");

        mailServer.offerSmtputf8(true);
        try {
            mailer.send(OutgoingMail.plain(offered, "Международный адрес", "Текст"));
        } finally {
            mailServer.behaveNormally();
        }
        List<FaultySmtpFront.Envelope> envelopes = mailServer.envelopesTo(marker);
        assertEquals(1, envelopes.size());
        assertArrayEquals(
                ("RCPT TO:<" + offered + ">").getBytes(StandardCharsets.UTF_8),
                envelopes.get(0).rcptTo().get(0));
        assertTrue(new String(envelopes.get(0).mailFrom(), StandardCharsets.UTF_8).endsWith(" SMTPUTF8"));

        outbox.queue(OutgoingMail.plain(notOffered, "Без SMTPUTF8", "Текст"));
        Instant deadline = Instant.now().plusSeconds(15);
        while (testOutbox.state(notOffered).equals("pending") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(
                "failed", testOutbox.state(notOffered), "given up at once: the server will not take it later either");
        Object[] row = testOutbox.row(notOffered).orElseThrow();
        assertEquals(1, ((Number) row[0]).intValue());
        assertTrue(String.valueOf(row[1]).contains("SMTPUTF8"), String.valueOf(row[1]));
        assertTrue(mailServer.envelopesTo(marker.replace("@", "0@")).isEmpty(), "no changed address went out");
    }

    @Test
    void anAccountMailToAnInternationalDomainGoesOutInItsAsciiForm() throws Exception {
        String local = "konto-" + System.nanoTime();
        String ascii = local + "@xn--80a1acny.xn--p1ai";

        mailer.send(OutgoingMail.plain(local + "@почта.рф", "Домен", "Текст"));

        MimeMessage received = mailServer.awaitMail(ascii, 1);
        assertEquals(ascii, received.getHeader("To", null));
        List<FaultySmtpFront.Envelope> envelopes = mailServer.envelopesTo(local + "@");
        assertEquals(1, envelopes.size());
        assertArrayEquals(
                ("RCPT TO:<" + ascii + ">").getBytes(StandardCharsets.US_ASCII),
                envelopes.get(0).rcptTo().get(0));
    }

    @Test
    @RunAsClient
    void publicHealthSaysOnlyUpOrDown() {
        HttpResponse<String> response = new WebClient(URI.create(base.toString())).get("/health");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"UP\""), response.body());
        assertFalse(response.body().contains(product()), response.body());
        assertFalse(response.body().contains("SMTP"), response.body());
        assertFalse(response.body().replace("\"data\":{}", "").contains("\"data\""), response.body());
    }

    @Test
    @RunAsClient
    void onlyAnAdministratorSeesTheHealthDetails() {
        URI uri = URI.create(base.toString());
        String email = "health-" + System.nanoTime() + "@example.org";
        assertEquals(
                201,
                new WebClient(uri)
                        .post(
                                "test-support/users",
                                Map.of("email", email, "password", "health password", "roles", "ADMIN"))
                        .statusCode());
        WebClient admin = new WebClient(uri);
        assertEquals(302, admin.logIn(email, "health password").statusCode());

        String details = admin.get("admin/health").body();
        String anonymous = new WebClient(uri).get("admin/health").body();

        assertTrue(details.contains("\"product\":\"" + product() + "\""), details);
        assertTrue(details.contains("\"server\":\"SMTP 127.0.0.1:" + System.getenv("SMTP_PORT") + "\""), details);
        assertTrue(
                details.contains(
                        "{\"name\":\"sending\",\"status\":\"UP\",\"baseUrl\":\"" + System.getenv("BASE_URL") + "\"}"),
                details);
        assertFalse(anonymous.contains(product()), anonymous);
    }

    @Test
    void readinessStaysUpWhileTheMailServerIsAway() throws Exception {
        URI ready = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/health/ready");
        mailServer.pause();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"UP\""), response.body());
        } finally {
            mailServer.resume();
        }
    }

    /** Equal to the microsecond the columns keep (PostgreSQL truncates the nanoseconds, H2 rounds them). */
    private static void assertSameMoment(Instant expected, Instant actual, String what) {
        assertTrue(
                Math.abs(ChronoUnit.NANOS.between(expected, actual)) < 1000,
                what + ": " + expected + " but was " + actual);
    }

    /** The database product the build runs the tests on; in and out of the container (the server inherits the environment). */
    private static String product() {
        return "h2".equals(System.getenv("TEST_DB")) ? "H2" : "PostgreSQL";
    }
}
