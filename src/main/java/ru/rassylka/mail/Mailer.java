package ru.rassylka.mail;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
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
        boolean smtputf8 =
                MailAddresses.needsSmtputf8(from.getAddress()) || MailAddresses.needsSmtputf8(to.getAddress());
        MimeMessage message = MailMessages.build(
                smtputf8 ? utf8Session : session,
                from,
                to,
                oneLine(mail.subject()),
                mail.text(),
                mail.html(),
                null,
                Map.of());
        message = dkim.sign(message);
        try (SmtpSession smtp = SmtpSession.open(session, utf8Session, settings)) {
            smtp.send(message, to, SmtpSession.BeforeFinalDot.NOTHING);
        }
    }

    /** A header value on one line: control characters and line separators become spaces. */
    static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ");
    }
}
