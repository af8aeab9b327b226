package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import ru.rassylka.mail.TestDomainReports;

class TestDomainReportsTest {

    private static final ReturnPathTokens TOKENS = new ReturnPathTokens("a test key of thirty-two bytes!!".getBytes());
    private static final String RETURN_PATH = TOKENS.addressFor(42, "bounces.localhost");

    @Test
    void anEmailToTheBounceDomainComesBackAsADeliveryStatusNotificationThatTheReaderReadsAsAHardBounceOfItsDelivery()
            throws Exception {
        MimeMessage report = TestDomainReports.reportOn(sent("Someone@bounce.test"), RETURN_PATH, "Someone@bounce.test")
                .orElseThrow();

        byte[] raw = TestDomainReports.bytesOf(report);
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(report.getContentType().startsWith("multipart/report"), report.getContentType());
        assertTrue(text.contains("report-type=delivery-status"), text);
        assertTrue(text.contains("Content-Type: message/delivery-status"), text);
        assertTrue(text.contains("Subject: Spring news"), "the returned headers: " + text);
        assertEquals(RETURN_PATH, report.getRecipients(Message.RecipientType.TO)[0].toString());

        BounceReport read = new BounceReader().read(raw);
        assertEquals(BounceClass.HARD, read.kind());
        assertEquals("someone@bounce.test", read.recipient());
        assertEquals("5.1.1", read.statusCode());
        assertEquals("550 5.1.1 user unknown", read.diagnostic());
        assertEquals(TOKENS.tokenFor(42), read.returnPathToken());
        assertEquals("<spring-news-1@rassylka.localhost>", read.originalMessageId());
        assertTrue(read.source().contains("DSN fields"), read.source());
    }

    @Test
    void anEmailToTheComplaintDomainComesBackAsAnAbuseReportThatTheReaderReadsAsAComplaintOfItsDelivery()
            throws Exception {
        MimeMessage report = TestDomainReports.reportOn(
                        sent("someone@complaint.test"), RETURN_PATH, "someone@complaint.test")
                .orElseThrow();

        byte[] raw = TestDomainReports.bytesOf(report);
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("report-type=feedback-report"), text);
        assertTrue(text.contains("Content-Type: message/feedback-report"), text);
        assertTrue(text.contains("Original-Rcpt-To: <someone@complaint.test>"), text);

        BounceReport read = new BounceReader().read(raw);
        assertEquals(BounceClass.COMPLAINT, read.kind());
        assertEquals("someone@complaint.test", read.recipient());
        assertEquals(TOKENS.tokenFor(42), read.returnPathToken());
    }

    @Test
    void onlyTheReservedTestDomainsComeBackAndANullSenderGetsNoReport() throws Exception {
        assertTrue(TestDomainReports.isReported("x@bounce.test"));
        assertTrue(TestDomainReports.isReported("x@COMPLAINT.test"));
        assertFalse(TestDomainReports.isReported("x@example.org"));
        assertFalse(TestDomainReports.isReported("x@sub.bounce.test"));
        assertTrue(TestDomainReports.reportOn(sent("x@example.org"), RETURN_PATH, "x@example.org")
                .isEmpty());
        assertTrue(TestDomainReports.reportOn(sent("x@bounce.test"), "", "x@bounce.test")
                .isEmpty());
    }

    private static MimeMessage sent(String to) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("news@rassylka.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Spring news", "UTF-8");
        message.setText("Hello", "UTF-8");
        message.saveChanges();
        message.setHeader("Message-ID", "<spring-news-1@rassylka.localhost>");
        return message;
    }
}
