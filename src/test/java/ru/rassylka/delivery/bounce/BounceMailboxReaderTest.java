package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reading of the bounce mailbox against GreenMail's IMAP and POP3 servers holding reports. */
class BounceMailboxReaderTest {

    private static final String USER = "bounces";
    private static final String PASSWORD = "mailbox-secret";

    private GreenMail server;
    private final List<BounceReport> recorded = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private GreenMailUser mailbox(ServerSetup setup) {
        server = new GreenMail(setup.dynamicPort());
        server.start();
        return server.setUser("bounces@bounce.example.org", USER, PASSWORD);
    }

    private BounceMailboxSettings settings(String protocol, int port) {
        Map<String, String> values = Map.of(
                "bounce.host",
                "127.0.0.1",
                "bounce.protocol",
                protocol,
                "bounce.port",
                String.valueOf(port),
                "bounce.user",
                USER,
                "bounce.password",
                PASSWORD,
                "bounce.timeout.millis",
                "5000");
        return BounceMailboxSettings.of(name -> Optional.ofNullable(values.get(name)))
                .orElseThrow();
    }

    /** A report as it arrives: a delivery status notification to the return path of a delivery, the token in its recipient. */
    private static MimeMessage report(String subject, String token) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.net"));
        message.setRecipient(
                jakarta.mail.Message.RecipientType.TO, new InternetAddress("bounces+" + token + "@bounce.example.org"));
        message.setSubject(subject);
        message.setText(
                "This is the mail system at host mx.example.net.\n\n<anna@example.net>: host mx.example.net said: 550 5.1.1 User unknown\n");
        message.saveChanges();
        return message;
    }

    /** Stands in for the parser: the class from the subject, the token from the recipient. */
    private static final Function<MimeMessage, BounceReport> READER = message -> {
        try {
            String token =
                    ReturnPathTokens.tokenIn(message.getHeader("To", null)).orElse(null);
            return new BounceReport(
                    BounceClass.valueOf(message.getSubject()),
                    "anna@example.net",
                    "5.1.1",
                    "User unknown",
                    token,
                    null,
                    "test");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    };

    private BounceOutcome record(BounceReport report) {
        if (report.kind() == BounceClass.SOFT) {
            throw new IllegalStateException("the database does not answer");
        }
        recorded.add(report);
        return report.kind() == BounceClass.AUTO_REPLY ? BounceOutcome.IGNORED : BounceOutcome.RECORDED;
    }

    @Test
    void overImapEachReportIsRecordedAndDeletedAndOneThatFailsStaysForTheNextReading() throws Exception {
        GreenMailUser user = mailbox(ServerSetupTest.IMAP);
        user.deliver(report("HARD", "1-0123456789abcdef"));
        user.deliver(report("AUTO_REPLY", "2-0123456789abcdef"));
        user.deliver(report("SOFT", "3-0123456789abcdef"));
        BounceMailboxReader reader =
                new BounceMailboxReader(settings("imap", server.getImap().getPort()), READER, this::record);

        assertEquals(new BounceMailboxReader.Reading(3, 1, 1, 1), reader.readAll());

        assertEquals(
                List.of("1-0123456789abcdef", "2-0123456789abcdef"),
                recorded.stream().map(BounceReport::returnPathToken).toList());
        assertEquals(1, server.getReceivedMessages().length, "only the message that failed is left");
        assertEquals("SOFT", server.getReceivedMessages()[0].getSubject());
        assertEquals(new BounceMailboxReader.Reading(1, 0, 0, 1), reader.readAll(), "the next reading tries it again");
    }

    @Test
    void overPop3EachReportIsRecordedAndDeleted() throws Exception {
        GreenMailUser user = mailbox(ServerSetupTest.POP3);
        user.deliver(report("HARD", "5-0123456789abcdef"));
        user.deliver(report("COMPLAINT", "6-0123456789abcdef"));
        BounceMailboxReader reader =
                new BounceMailboxReader(settings("pop3", server.getPop3().getPort()), READER, this::record);

        assertEquals(new BounceMailboxReader.Reading(2, 2, 0, 0), reader.readAll());

        assertEquals(
                List.of(BounceClass.HARD, BounceClass.COMPLAINT),
                recorded.stream().map(BounceReport::kind).toList());
        assertEquals(0, server.getReceivedMessages().length, "both deleted");
        assertEquals(new BounceMailboxReader.Reading(0, 0, 0, 0), reader.readAll());
    }

    @Test
    void aWrongPasswordIsAFailureOfTheWholeReading() {
        mailbox(ServerSetupTest.IMAP);
        Map<String, String> values = Map.of(
                "bounce.host",
                "127.0.0.1",
                "bounce.protocol",
                "imap",
                "bounce.port",
                String.valueOf(server.getImap().getPort()),
                "bounce.user",
                USER,
                "bounce.password",
                "wrong");
        BounceMailboxReader reader = new BounceMailboxReader(
                BounceMailboxSettings.of(name -> Optional.ofNullable(values.get(name)))
                        .orElseThrow(),
                READER,
                this::record);
        assertThrows(MessagingException.class, reader::readAll);
    }

    @Test
    void withoutAHostThereIsNoMailboxAndTheDefaultsAreImapsEveryMinute() {
        assertEquals(Optional.empty(), BounceMailboxSettings.of(name -> Optional.empty()));
        BounceMailboxSettings settings = BounceMailboxSettings.of(
                        name -> name.equals("bounce.host") ? Optional.of("imap.example.org") : Optional.empty())
                .orElseThrow();
        assertEquals("imaps", settings.protocol());
        assertEquals(993, settings.port());
        assertEquals("INBOX", settings.folder());
        assertEquals(Duration.ofMinutes(1), settings.every());
    }

    @Test
    void anUnknownProtocolIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> BounceMailboxSettings.of(
                        name -> Map.of("bounce.host", "h", "bounce.protocol", "smtp").entrySet().stream()
                                .filter(e -> e.getKey().equals(name))
                                .map(Map.Entry::getValue)
                                .findFirst()));
        assertEquals(true, refused.getMessage().startsWith("BOUNCE_PROTOCOL"));
    }

    @Test
    void thePasswordIsNeverDescribed() {
        BounceMailboxSettings settings = settings("imap", 143);
        assertEquals(false, settings.toString().contains(PASSWORD));
        assertEquals("imap://bounces@127.0.0.1:143/INBOX", settings.describe());
    }

    @Test
    void afterFailuresTheNextReadingWaitsTwiceAsLongEachTimeUpToHalfAnHour() {
        BounceMailboxSettings settings = BounceMailboxSettings.of(
                        name -> Map.of("bounce.host", "h", "bounce.poll.seconds", "60").entrySet().stream()
                                .filter(e -> e.getKey().equals(name))
                                .map(Map.Entry::getValue)
                                .findFirst())
                .orElseThrow();
        assertEquals(Duration.ofMinutes(1), settings.delayAfter(0));
        assertEquals(Duration.ofMinutes(2), settings.delayAfter(1));
        assertEquals(Duration.ofMinutes(16), settings.delayAfter(4));
        assertEquals(Duration.ofMinutes(30), settings.delayAfter(5));
        assertEquals(Duration.ofMinutes(30), settings.delayAfter(1000));
    }
}
