package ru.rassylka.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import ru.rassylka.mail.MailSettings;

/** One open SMTP session that sends message after message and tells the server's replies. */
public final class SmtpConnection {

    private final SMTPTransport transport;
    private int sent;

    private SmtpConnection(SMTPTransport transport) {
        this.transport = transport;
    }

    static SmtpConnection open(Session session, MailSettings settings) throws MessagingException {
        SMTPTransport transport = (SMTPTransport) session.getTransport();
        if (settings.user().isPresent() && !settings.development()) {
            transport.connect(settings.user().get(), settings.password().orElse(""));
        } else {
            transport.connect();
        }
        return new SmtpConnection(transport);
    }

    /** Sends to the one recipient and answers the server's final reply (code and text). */
    public Verdict send(MimeMessage message, Address recipient) throws MessagingException {
        transport.sendMessage(message, new Address[] {recipient});
        sent++;
        return FailureClassifier.ofReply(transport.getLastReturnCode(), transport.getLastServerResponse());
    }

    public int sent() {
        return sent;
    }

    boolean isUsable() {
        return transport.isConnected();
    }

    void close() {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the connection is being dropped anyway
        }
    }
}
