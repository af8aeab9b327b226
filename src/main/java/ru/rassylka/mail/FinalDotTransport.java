package ru.rassylka.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;

/**
 * The SMTP transport of the sessions (pipelined by {@link PipeliningTransport}, its e-mail data through {@link ReadyDataTransport}'s stream)
 * that runs a step just before it sends the final dot of an e-mail's
 * DATA, when the server has all of the e-mail but has not yet accepted it. When the step fails, the
 * dot is not sent: the transport drops the connection, so the server discards the e-mail.
 */
final class FinalDotTransport extends PipeliningTransport {

    private SmtpSession.BeforeFinalDot beforeFinalDot = SmtpSession.BeforeFinalDot.NOTHING;
    private boolean withheld;

    private FinalDotTransport(Session session, String protocol) {
        super(session, protocol);
    }

    /** A transport of the session's protocol (smtp or smtps), as {@code session.getTransport()} makes one. */
    static FinalDotTransport of(Session session) {
        String protocol = session.getProperty("mail.transport.protocol");
        return new FinalDotTransport(session, "smtps".equals(protocol) ? "smtps" : "smtp");
    }

    /** The step for the next e-mail; {@link #withheld()} tells afterwards whether it failed. */
    void beforeFinalDot(SmtpSession.BeforeFinalDot step) {
        beforeFinalDot = step;
        withheld = false;
    }

    /** Whether the last e-mail's step failed, so its final dot was never sent. */
    boolean withheld() {
        return withheld;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        try {
            beforeFinalDot.run();
        } catch (IOException | RuntimeException e) {
            withheld = true;
            // an IOException makes the transport drop the connection instead of ending the e-mail
            throw e instanceof IOException io ? io : new IOException(e);
        }
        super.finishData();
    }
}
