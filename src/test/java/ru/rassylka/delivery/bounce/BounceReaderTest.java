package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads the bounce fixtures (real Postfix output and public real-world samples) and checks them against their labels. */
class BounceReaderTest {

    private final BounceReader reader = new BounceReader();

    static Stream<FixtureLabels.Label> labelledFixtures() throws Exception {
        List<FixtureLabels.Label> all = new ArrayList<>();
        for (String folder : List.of("postfix", "real-world")) {
            all.addAll(FixtureLabels.read(folder(folder).resolve("labels.tsv")).values().stream()
                    .map(l -> new FixtureLabels.Label(
                            folder + "/" + l.file(), l.recipient(), l.kind(), l.statusCode(), l.note()))
                    .toList());
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelledFixtures")
    void eachLabelledFixtureIsReadWithItsClassAndRecipient(FixtureLabels.Label label) throws Exception {
        BounceReport report = read(label.file());
        assertEquals(label.recipient(), report.recipient(), "recipient");
        if (!label.note().contains("known difference")) {
            assertEquals(label.kind(), report.kind(), "class");
        }
    }

    @Test
    void aPostfixBounceForAnUnknownUserIsHardFromTheDsnFieldsWithTheVerpTokenAndTheReturnedMessageId()
            throws Exception {
        BounceReport report = read("postfix/unknown-local-user-5.1.1.eml");

        assertAll(
                () -> assertEquals(BounceClass.HARD, report.kind()),
                () -> assertEquals("unknown-user@mx-c.rassylka.test", report.recipient()),
                () -> assertEquals("5.1.1", report.statusCode()),
                () -> assertEquals("unknown user: \"unknown-user\"", report.diagnostic()),
                () -> assertEquals("d101.k7Qx", report.returnPathToken()),
                () -> assertEquals("DSN fields", report.source()),
                () -> assertEquals(true, report.originalMessageId().startsWith("<d101.k7Qx.")));
    }

    @Test
    void aRefusalForSpamIsSoftEvenThoughItIsPermanent() throws Exception {
        BounceReport report = read("postfix/relay-554-5.7.1-spam.eml");

        assertEquals(BounceClass.SOFT, report.kind());
        assertEquals("5.7.1", report.statusCode());
        assertEquals("d105.Lr3n", report.returnPathToken());
    }

    @Test
    void theTokenIsTakenFromTheBounceAddressOfAnotherSendersVerpBounce() throws Exception {
        assertEquals(
                "OkGew2p6d9r5RJ5x9g1nxNq73zQDL1Zo-here-redacted.br",
                read("real-world/lhost-postfix-30.eml").returnPathToken());
    }

    @Test
    void aQmailBounceIsReadFromItsText() throws Exception {
        BounceReport report = read("real-world/email-qmail-01.eml");

        assertEquals("text", report.source());
        assertEquals("5.5.0", report.statusCode());
        assertEquals("<000000000.9999999999999.JavaMail.postmaster@mailhub>", report.originalMessageId());
    }

    @Test
    void anEximBounceNamesTheRecipientItsHeaderLists() throws Exception {
        BounceReport report = read("real-world/email-exim-59.eml");

        assertEquals("kijitora@icloud.example.com", report.recipient());
        assertEquals("5.1.1", report.statusCode());
    }

    @Test
    void anArfReportIsAComplaintWithItsFeedbackType() throws Exception {
        BounceReport report = read("real-world/arf-05.eml");

        assertEquals(BounceClass.COMPLAINT, report.kind());
        assertEquals("Feedback-Type: abuse", report.diagnostic());
        assertEquals("ARF", report.source());
    }

    @Test
    void aMessageThatIsNotAReportGivesNotAReport() throws Exception {
        BounceReport report = read("postfix/plain-message-not-a-report.eml");

        assertEquals(BounceClass.NOT_A_REPORT, report.kind());
        assertNull(report.recipient());
    }

    @Test
    void aSuccessNoticeIsNotAReport() throws Exception {
        assertEquals(
                BounceClass.NOT_A_REPORT,
                read("postfix/success-notice-delivered.eml").kind());
    }

    @Test
    void aVacationReplyIsAnAutoReply() throws Exception {
        assertEquals(BounceClass.AUTO_REPLY, read("real-world/rfc3834-01.eml").kind());
    }

    @Test
    void anOutOfOfficeReplyInRussianWithoutAutoSubmittedIsAnAutoReplyFromItsSender() throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress("ivan@example.ru"));
        reply.setRecipients(MimeMessage.RecipientType.TO, "bounces+d9.Xy@bounce.example.org");
        reply.setSubject("Автоответ: Новости недели", "UTF-8");
        reply.setText("Я в отпуске до 15 декабря.", "UTF-8");
        reply.saveChanges();

        BounceReport report = reader.read(reply);

        assertEquals(BounceClass.AUTO_REPLY, report.kind());
        assertEquals("ivan@example.ru", report.recipient());
        assertEquals("d9.Xy", report.returnPathToken());
    }

    @Test
    void aVacationHeaderMakesAnAutoReplyWhateverTheSubject() throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress("anna@example.org"));
        reply.setSubject("Re: Weekly news");
        reply.setHeader("X-Autoreply", "yes");
        reply.setText("I am away.");
        reply.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        reply.writeTo(raw);

        assertEquals(BounceClass.AUTO_REPLY, reader.read(raw.toByteArray()).kind());
    }

    private BounceReport read(String fixture) throws Exception {
        try (InputStream in = Files.newInputStream(folder("").resolve(fixture))) {
            return reader.read(in);
        }
    }

    private static Path folder(String name) throws URISyntaxException {
        return Path.of(BounceReaderTest.class.getResource("/bounces").toURI()).resolve(name);
    }
}
