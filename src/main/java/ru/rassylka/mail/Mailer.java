package ru.rassylka.mail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;

/** Delivers single e-mails over SMTP. */
@Stateless
public class Mailer {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    @Inject
    private MailSettings settings;

    @Inject
    private Session session;

    public void send(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(oneLine(mail.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (mail.html() == null) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            message.setContent(alternatives(mail));
        }
        message.saveChanges();
        try (Transport transport = session.getTransport()) {
            if (settings.user().isPresent() && !settings.development()) {
                transport.connect(settings.user().get(), settings.password().orElse(""));
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** A header value on one line: control characters and line separators become spaces. */
    static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ");
    }

    private static MimeMultipart alternatives(OutgoingMail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        return new MimeMultipart("alternative", text, html);
    }
}
