package ru.rassylka.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The reports a mail server sends back for addresses at the reserved test domains, so the bounce
 * path can be tried without a real bounce: an e-mail to {@code *@bounce.test} comes back as a
 * delivery status notification (RFC 3464) saying the user is unknown, one to {@code *@complaint.test}
 * as an abuse report (ARF, RFC 5965), each addressed to the e-mail's envelope sender and holding
 * the e-mail's headers, as real ones do.
 */
public final class TestDomainReports {

    public static final String BOUNCE_DOMAIN = "bounce.test";
    public static final String COMPLAINT_DOMAIN = "complaint.test";
    static final String REPORTING_MTA = "rassylka-development-mailbox.localhost";
    private static final Session SESSION = Session.getInstance(new Properties());

    private TestDomainReports() {}

    /** Whether an e-mail to the address comes back as a report. */
    public static boolean isReported(String recipient) {
        return domainOf(recipient)
                .filter(domain -> domain.equals(BOUNCE_DOMAIN) || domain.equals(COMPLAINT_DOMAIN))
                .isPresent();
    }

    /**
     * The report on an e-mail received for {@code recipient} with the envelope sender
     * {@code returnPath}, or empty when the recipient is not at a test domain or the e-mail has no
     * envelope sender to return it to (a null sender, {@code MAIL FROM:<>}).
     */
    public static Optional<MimeMessage> reportOn(MimeMessage received, String returnPath, String recipient)
            throws MessagingException {
        Optional<String> domain = domainOf(recipient);
        if (domain.isEmpty() || returnPath == null || returnPath.isBlank()) {
            return Optional.empty();
        }
        return switch (domain.get()) {
            case BOUNCE_DOMAIN -> Optional.of(deliveryStatus(received, returnPath, recipient));
            case COMPLAINT_DOMAIN -> Optional.of(feedbackReport(received, returnPath, recipient));
            default -> Optional.empty();
        };
    }

    private static MimeMessage deliveryStatus(MimeMessage received, String returnPath, String recipient)
            throws MessagingException {
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        report.addBodyPart(text("This is the mail system at host " + REPORTING_MTA + ".\r\n\r\n"
                + "Your message could not be delivered to one of its recipients: the address is reserved for tests\r\n"
                + "and its mailbox does not exist.\r\n\r\n"
                + "<" + recipient + ">: host " + REPORTING_MTA + " said: 550 5.1.1 user unknown\r\n"));
        String fields = "Reporting-MTA: dns; " + REPORTING_MTA + "\r\n"
                + "Arrival-Date: " + now() + "\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\n"
                + "Original-Recipient: rfc822; " + recipient + "\r\n"
                + "Action: failed\r\n"
                + "Status: 5.1.1\r\n"
                + "Remote-MTA: dns; " + BOUNCE_DOMAIN + "\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n";
        report.addBodyPart(part(fields, "message/delivery-status"));
        report.addBodyPart(part(headersOf(received), "text/rfc822-headers"));
        return message(
                report,
                "MAILER-DAEMON@" + REPORTING_MTA,
                "Mail System",
                returnPath,
                "Undelivered Mail Returned to Sender");
    }

    private static MimeMessage feedbackReport(MimeMessage received, String returnPath, String recipient)
            throws MessagingException {
        MimeMultipart report = new MimeMultipart("report; report-type=feedback-report");
        report.addBodyPart(
                text(
                        "This is an e-mail abuse report for an e-mail received from the sender below: the recipient marked it as spam.\r\n"));
        String fields = "Feedback-Type: abuse\r\n"
                + "User-Agent: Rassylka-development-mailbox/1.0\r\n"
                + "Version: 1\r\n"
                + "Original-Mail-From: <" + returnPath + ">\r\n"
                + "Original-Rcpt-To: <" + recipient + ">\r\n"
                + "Arrival-Date: " + now() + "\r\n"
                + "Reported-Domain: " + COMPLAINT_DOMAIN + "\r\n";
        report.addBodyPart(part(fields, "message/feedback-report"));
        report.addBodyPart(part(headersOf(received), "text/rfc822-headers"));
        return message(report, "abuse@" + COMPLAINT_DOMAIN, "Feedback Loop", returnPath, "Abuse report");
    }

    private static MimeMessage message(MimeMultipart report, String from, String name, String to, String subject)
            throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        try {
            message.setFrom(new InternetAddress(from, name, "UTF-8"));
        } catch (IOException e) {
            throw new MessagingException("The report's sender cannot be written", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, false));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-replied");
        // written by hand: the DSN module's handler of multipart/report takes only its own MultipartReport
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            report.writeTo(body);
        } catch (IOException e) {
            throw new MessagingException("The report cannot be written", e);
        }
        message.setDataHandler(new DataHandler(new ByteArrayDataSource(body.toByteArray(), report.getContentType())));
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart text(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    /** A part whose content is the given lines as they are. */
    private static MimeBodyPart part(String lines, String type) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", type);
        headers.setHeader("Content-Transfer-Encoding", "8bit");
        return new MimeBodyPart(headers, lines.getBytes(StandardCharsets.UTF_8));
    }

    /** The received e-mail's header fields, as the returned part of a report holds them. */
    private static String headersOf(MimeMessage received) throws MessagingException {
        StringBuilder lines = new StringBuilder();
        for (Enumeration<String> all = received.getAllHeaderLines(); all.hasMoreElements(); ) {
            lines.append(all.nextElement()).append("\r\n");
        }
        return lines.toString();
    }

    private static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private static Optional<String> domainOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        return at < 0
                ? Optional.empty()
                : Optional.of(address.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    /** The report as the bytes a mailbox would store. */
    public static byte[] bytesOf(MimeMessage report) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeTo(out);
        return out.toByteArray();
    }
}
