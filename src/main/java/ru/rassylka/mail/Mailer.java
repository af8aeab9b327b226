package ru.rassylka.mail;

import jakarta.annotation.PostConstruct;
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

/**
 * Delivers single e-mails over SMTP. Addresses go out as {@link MailAddresses} says: a domain in
 * its ASCII form, a non-ASCII local part only with SMTPUTF8 ({@link Smtputf8NotOffered} otherwise).
 */
@Stateless
public class Mailer {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    @Inject
    private MailSettings settings;

    @Inject
    private Session session;

    @Inject
    private DkimSigning dkim;

    private Session utf8Session;

    @PostConstruct
    void init() {
        utf8Session = Session.getInstance(settings.utf8SessionProperties());
    }

    public void send(OutgoingMail mail) throws MessagingException {
        InternetAddress from = MailAddresses.forSending(new InternetAddress(settings.from()));
        InternetAddress to = MailAddresses.forSending(new InternetAddress(mail.to(), true));
        boolean senderNeedsSmtputf8 = MailAddresses.needsSmtputf8(from.getAddress());
        boolean smtputf8 = senderNeedsSmtputf8 || MailAddresses.needsSmtputf8(to.getAddress());
        Session chosen = smtputf8 ? utf8Session : session;
        MimeMessage message = new MimeMessage(chosen);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(oneLine(mail.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (mail.html() == null) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            message.setContent(alternatives(mail));
        }
        message.saveChanges();
        message = dkim.sign(message);
        try (Transport transport = chosen.getTransport()) {
            if (settings.user().isPresent() && !settings.development()) {
                transport.connect(settings.user().get(), settings.password().orElse(""));
            } else {
                transport.connect();
            }
            if (smtputf8) {
                Smtputf8NotOffered.requireOffered(transport, senderNeedsSmtputf8);
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
