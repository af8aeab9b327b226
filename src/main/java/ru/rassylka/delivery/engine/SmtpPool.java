package ru.rassylka.delivery.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import ru.rassylka.mail.MailAddresses;
import ru.rassylka.mail.MailSettings;
import ru.rassylka.mail.SmtpSession;

/**
 * A few open SMTP connections reused across messages: a connection goes back after use unless
 * it failed or carried {@code recycleAfter} messages; the next borrower then opens a new one.
 * Connect, read and write timeouts come from the mail settings, so a silent server costs at most
 * the timeout.
 */
@ApplicationScoped
public class SmtpPool {

    @Inject
    private MailSettings mailSettings;

    @Inject
    private SendingSettings settings;

    private Session session;
    private Session utf8Session;
    private BlockingQueue<SmtpSession> idle;
    private volatile SenderKind lastSender = new SenderKind("", false);

    private record SenderKind(String sender, boolean needsSmtputf8) {}

    @PostConstruct
    void init() {
        session = Session.getInstance(withoutQuitWait(mailSettings.sessionProperties()));
        utf8Session = Session.getInstance(withoutQuitWait(mailSettings.utf8SessionProperties()));
        idle = new ArrayBlockingQueue<>(settings.concurrency());
    }

    // do not wait for the reply to QUIT when recycling a connection
    private static Properties withoutQuitWait(Properties properties) {
        properties.put("mail.smtp.quitwait", "false");
        properties.put("mail.smtps.quitwait", "false");
        return properties;
    }

    /** The session to build an e-mail in: one with UTF-8 headers when the sender or the recipient needs SMTPUTF8. */
    public Session sessionFor(String sender, String recipient) {
        return senderNeedsSmtputf8(sender) || MailAddresses.needsSmtputf8(recipient) ? utf8Session : session;
    }

    private boolean senderNeedsSmtputf8(String sender) {
        SenderKind known = lastSender;
        if (!known.sender().equals(sender)) {
            // a run has one sender: its address is parsed once, not for every e-mail
            known = new SenderKind(sender, parsedNeedsSmtputf8(sender));
            lastSender = known;
        }
        return known.needsSmtputf8();
    }

    private static boolean parsedNeedsSmtputf8(String sender) {
        try {
            return MailAddresses.needsSmtputf8(new InternetAddress(sender).getAddress());
        } catch (AddressException e) {
            return false; // building the e-mail refuses the sender
        }
    }

    /** An open connection, reused or new. */
    public SmtpSession borrow() throws MessagingException {
        SmtpSession connection = idle.poll();
        if (connection != null && connection.isUsable()) {
            return connection;
        }
        if (connection != null) {
            connection.close();
        }
        return SmtpSession.open(session, utf8Session, mailSettings);
    }

    /** Returns a connection after use; a broken or worn one is closed instead. */
    public void giveBack(SmtpSession connection, boolean broken) {
        if (broken || connection.sent() >= settings.recycleAfter() || !idle.offer(connection)) {
            connection.close();
        }
    }

    @PreDestroy
    void closeAll() {
        SmtpSession connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }
}
