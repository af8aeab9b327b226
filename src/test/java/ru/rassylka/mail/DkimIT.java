package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.mailing.Periodicity;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestMailServer;
import ru.rassylka.testing.server.TestOutbox;
import ru.rassylka.testing.server.TestWorkspace;

/**
 * DKIM inside Payara Micro: the test server signs with a test-only key (DKIM_* in pom.xml), and
 * Debian's python3-dkim verifies what the SMTP server received against the TXT record the health
 * page tells the administrator to publish.
 */
@ArquillianTest
class DkimIT {

    private static final String VERIFY = "import sys, dkim\n"
            + "record = open(sys.argv[1], 'rb').read()\n"
            + "ok = dkim.verify(sys.stdin.buffer.read(), dnsfunc=lambda name, timeout=5: record if name.rstrip(b'.') == sys.argv[2].encode() else None)\n"
            + "print('pass' if ok else 'fail')\n";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @EJB
    private DkimSigning dkim;

    @EJB
    private TestAccounts accounts;

    @EJB
    private TestWorkspace workspace;

    @EJB
    private TestMailServer mail;

    @EJB
    private TestOutbox outbox;

    private String verify(byte[] message) throws Exception {
        DkimKey key = dkim.key().orElseThrow();
        Path record = Files.createTempFile("dkim-record", ".txt");
        Files.writeString(record, key.recordValue(), StandardCharsets.US_ASCII);
        Process process =
                new ProcessBuilder("/usr/bin/python3", "-c", VERIFY, record.toString(), key.recordName()).start();
        process.getOutputStream().write(message);
        process.getOutputStream().close();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.delete(record);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                + (errors.isBlank() ? "" : " " + errors);
    }

    private static byte[] raw(MimeMessage received) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        received.writeTo(bytes);
        return bytes.toByteArray();
    }

    @Test
    void aMailingEmailArrivesSignedAndAnIndependentVerifierPassesItAndFailsItWithAChangedUnsubscribeHeader()
            throws Exception {
        String owner = "dkim-" + System.nanoTime() + "@example.org";
        accounts.create(owner, "dkim password", true);
        workspace.setTimeZone(owner, "UTC");
        String anna = "anna-" + System.nanoTime() + "@example.net";
        long client = workspace.createClient(owner, anna, "Анна").getId();
        long message = workspace
                .createMessage(
                        owner,
                        "Новости для {{full_name}}",
                        "<p>Здравствуйте, {{full_name}}</p><p><a href=\"{{unsubscribe_url}}\">Отписаться</a></p>")
                .getId();
        Instant at =
                Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        workspace.createMailing(
                owner,
                "DKIM " + System.nanoTime(),
                message,
                Set.of(client),
                LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                Periodicity.ONCE);

        MimeMessage received = mail.awaitMail(anna, 1);
        String signature = received.getHeader("DKIM-Signature", null);
        assertTrue(
                signature != null && signature.contains("d=rassylka.example.org") && signature.contains("s=test2026"),
                String.valueOf(signature));
        assertTrue(
                received.getMessageID().matches("<\\d+\\.\\d+\\.rassylka@.+>"),
                "the delivery's own Message-ID survives signing: " + received.getMessageID());
        byte[] bytes = raw(received);
        assertEquals("pass", verify(bytes));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertEquals(
                "fail",
                verify(text.replace(
                                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                                "List-Unsubscribe-Post: List-Unsubscribe=Twice")
                        .getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void anAccountEmailArrivesSignedToo() throws Exception {
        String to = "account-" + System.nanoTime() + "@example.org";
        outbox.queueWithLastAttempt(
                List.of(OutgoingMail.plain(to, "Подтвердите адрес", "Ссылка: https://rassylka.example.org/verify")),
                to,
                0);

        MimeMessage received = mail.awaitMail(to, 1);
        assertEquals("pass", verify(raw(received)));
    }

    @Test
    void theHealthDetailsNameTheTxtRecordToPublish() {
        DkimKey key = dkim.key().orElseThrow();
        assertEquals("test2026._domainkey.rassylka.example.org", key.recordName());
        assertTrue(key.recordValue().startsWith("v=DKIM1; k=rsa; p="));
    }
}
