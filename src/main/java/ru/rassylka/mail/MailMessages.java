package ru.rassylka.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * How every e-mail of the service is built: one recipient in {@code To:}, the subject and body in
 * UTF-8, plain text alone or HTML with its plain-text alternative, the caller's extra headers and,
 * when given, a fixed Message-ID.
 */
public final class MailMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MailMessages() {}

    /**
     * @param session the session whose properties encode it (the UTF-8 one when an address needs SMTPUTF8)
     * @param html the HTML body, or null for plain text alone
     * @param messageId a Message-ID kept however often it is sent, or null for a fresh one
     * @param headers further headers, in their order
     */
    public static MimeMessage build(
            Session session,
            InternetAddress from,
            InternetAddress to,
            String subject,
            String text,
            String html,
            String messageId,
            Map<String, String> headers)
            throws MessagingException {
        // an SMTPMessage, so that a return path can be its envelope sender
        MimeMessage message = messageId == null
                ? new SMTPMessage(session)
                : new SMTPMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(subject, UTF_8);
        message.setSentDate(new Date());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        if (html == null) {
            message.setText(text, UTF_8);
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, UTF_8);
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, UTF_8, "html");
            message.setContent(new MimeMultipart("alternative", plain, rich));
        }
        message.saveChanges();
        return message;
    }
}
