package ru.rassylka.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A message held by the development mailbox, as the mailbox page shows it. */
public record CapturedMail(long number, Instant received, String from, String to, String subject, String text) {

    /** The longest text kept of a message: a thousand kept messages of the longest body would take hundreds of megabytes. */
    static final int TEXT_KEPT = 10_000;

    /** The message, not numbered yet (0). */
    static CapturedMail of(MimeMessage message) throws MessagingException, IOException {
        Instant received = message.getSentDate() == null
                ? Instant.now()
                : message.getSentDate().toInstant();
        return new CapturedMail(
                0,
                received,
                InternetAddress.toUnicodeString(message.getFrom()),
                addresses(message),
                message.getSubject(),
                shortened(plainText(message)));
    }

    CapturedMail numbered(long number) {
        return new CapturedMail(number, received, from, to, subject, text);
    }

    private static String addresses(MimeMessage message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        return recipients == null
                ? ""
                : Arrays.stream(recipients).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String shortened(String text) {
        return text.length() <= TEXT_KEPT ? text : text.substring(0, TEXT_KEPT) + "…";
    }

    /** The text/plain part; the mailbox never renders the HTML of a message. */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
