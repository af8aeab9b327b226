package ru.rassylka.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One open SMTP session that sends message after message and tells the server's replies; every
 * e-mail of the service goes through one (the service's own e-mails one each, mailings many). An
 * e-mail whose sender or recipient needs SMTPUTF8 goes over a second session that speaks UTF-8,
 * opened the first time one is needed and only if the server offered SMTPUTF8; otherwise it is
 * refused here ({@link Smtputf8NotOffered}) before anything is sent.
 */
public final class SmtpSession implements AutoCloseable {

    /** The server's final reply to an e-mail: its code and text. */
    public record Reply(int code, String text) {}

    /**
     * A step run once all of an e-mail but the final dot of its DATA is written (a short e-mail may
     * still be in the session's buffer, to go with the dot in one write): when it throws,
     * the dot is not sent and the e-mail does not reach the server ({@link FinalDotWithheld}). The
     * step may send the dot itself, from any thread, as soon as its work is done; a dot it has not
     * sent is sent once it returns.
     */
    @FunctionalInterface
    public interface BeforeFinalDot {

        /** No step: the service's own e-mails. */
        BeforeFinalDot NOTHING = dot -> {};

        void run(FinalDot dot) throws IOException;
    }

    /**
     * The final dot of the e-mail whose step runs. Sending it never throws: a failure to write it is
     * thrown by {@link #send(MimeMessage, InternetAddress, BeforeFinalDot)}, as one of the dot's
     * command would be.
     */
    public interface FinalDot {

        /** Writes the dot to the server now, unless it was sent already; only while the step runs. */
        void send();
    }

    /** How long after an accepted e-mail the connection is taken as open without asking the server (NOOP). */
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final FinalDotTransport transport;
    private final Session utf8Session;
    private final MailSettings settings;
    private FinalDotTransport utf8Transport;
    private int sent;
    /** {@link System#nanoTime} of the last e-mail the server answered, when the connection was not dropped since. */
    private long answeredAt;

    private boolean answered;

    private SmtpSession(FinalDotTransport transport, Session utf8Session, MailSettings settings) {
        this.transport = transport;
        this.utf8Session = utf8Session;
        this.settings = settings;
    }

    /** Connects (and logs in, when the settings have a user) over {@code session}; {@code utf8Session} is for SMTPUTF8. */
    public static SmtpSession open(Session session, Session utf8Session, MailSettings settings)
            throws MessagingException {
        return new SmtpSession(connect(session, settings), utf8Session, settings);
    }

    private static FinalDotTransport connect(Session session, MailSettings settings) throws MessagingException {
        FinalDotTransport transport = FinalDotTransport.of(session);
        if (settings.user().isPresent() && !settings.development()) {
            transport.connect(settings.user().get(), settings.password().orElse(""));
        } else {
            transport.connect();
        }
        return transport;
    }

    /**
     * Sends to the one recipient and answers the server's final reply; {@code beforeFinalDot} runs
     * when all of the e-mail but the final dot is written.
     *
     * @throws FinalDotWithheld when {@code beforeFinalDot} failed: the e-mail did not reach the server,
     *     and this session's connection is closed
     */
    public Reply send(MimeMessage message, InternetAddress recipient, BeforeFinalDot beforeFinalDot)
            throws MessagingException {
        FinalDotTransport using = transportFor(message, recipient);
        answered &= using != transport;
        using.beforeFinalDot(beforeFinalDot);
        try {
            using.sendMessage(message, new Address[] {recipient});
        } catch (MessagingException e) {
            if (using.withheld()) {
                close();
                throw new FinalDotWithheld(e);
            }
            throw e;
        } finally {
            using.beforeFinalDot(BeforeFinalDot.NOTHING);
        }
        sent++;
        if (using == transport) {
            answered = true;
            answeredAt = System.nanoTime();
        }
        return new Reply(using.getLastReturnCode(), using.getLastServerResponse());
    }

    private FinalDotTransport transportFor(MimeMessage message, InternetAddress recipient) throws MessagingException {
        Address[] from = message.getFrom();
        boolean sender = from != null
                && from.length > 0
                && from[0] instanceof InternetAddress address
                && MailAddresses.needsSmtputf8(address.getAddress());
        if (!sender && !MailAddresses.needsSmtputf8(recipient.getAddress())) {
            return transport;
        }
        Smtputf8NotOffered.requireOffered(transport, sender);
        if (utf8Transport == null) {
            utf8Transport = connect(utf8Session, settings);
        }
        return utf8Transport;
    }

    public int sent() {
        return sent;
    }

    /**
     * Whether the connection can take the next e-mail. One that answered an e-mail a moment ago is;
     * otherwise the server is asked (a NOOP round trip), as a connection may have timed out while idle.
     */
    public boolean isUsable() {
        if (answered && System.nanoTime() - answeredAt < FRESH_NANOS) {
            return true;
        }
        return transport.isConnected();
    }

    @Override
    public void close() {
        close(transport);
        if (utf8Transport != null) {
            close(utf8Transport);
        }
    }

    private static void close(FinalDotTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the connection is being dropped anyway
        }
    }
}
