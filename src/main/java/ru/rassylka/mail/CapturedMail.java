package ru.rassylka.mail;

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
public record CapturedMail(int number, Instant received, String from, String to, String subject, String text) {

    static CapturedMail of(int number, MimeMessage message) throws MessagingException, IOException {
        Instant received = message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
        return new CapturedMail(number, received, InternetAddress.toUnicodeString(message.getFrom()),
                addresses(message), message.getSubject(), plainText(message));
    }

    private static String addresses(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getAllRecipients()).map(Object::toString).collect(Collectors.joining(", "));
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
