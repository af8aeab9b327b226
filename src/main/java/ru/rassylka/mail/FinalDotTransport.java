package ru.rassylka.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SMTP transport of the sessions (pipelined by {@link PipeliningTransport}, its e-mail data through {@link ReadyDataTransport}'s stream)
 * that runs a step just before it sends the final dot of an e-mail's
 * DATA, when the e-mail is written but for the dot and the server cannot have accepted it. When the step fails, the
 * dot is not sent: the transport drops the connection, so the server discards the e-mail. The step
 * may send the dot itself ({@link SmtpSession.FinalDot}) the moment its work is done, from the thread
 * that did it; the transport then only reads the server's reply.
 */
final class FinalDotTransport extends PipeliningTransport {

    private static final Logger LOGGER = Logger.getLogger(FinalDotTransport.class.getName());
    private static final byte[] DOT_LINE = {'.', '\r', '\n'};

    private SmtpSession.BeforeFinalDot beforeFinalDot = SmtpSession.BeforeFinalDot.NOTHING;
    private boolean withheld;
    /** The dot of the e-mail being ended, once its step has run. */
    private EarlyDot ending;

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
        if (beforeFinalDot == SmtpSession.BeforeFinalDot.NOTHING) {
            super.finishData();
            return;
        }
        EarlyDot dot = new EarlyDot(endDataButTheDot());
        try {
            beforeFinalDot.run(dot);
        } catch (IOException | RuntimeException e) {
            if (dot.sent) {
                // the server has the dot whatever went wrong after it: its reply tells what became of the e-mail
                LOGGER.log(Level.WARNING, "The step before a final dot failed after sending it", e);
            } else {
                withheld = true;
                // an IOException makes the transport drop the connection instead of ending the e-mail
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
        ending = dot;
        try {
            super.finishData();
        } finally {
            ending = null;
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (ending != null && ending.sent && ".".equals(command)) {
            if (ending.failure != null) {
                throw new MessagingException("Can't send command to SMTP host", ending.failure);
            }
            return; // the step sent it: only its reply is left to read
        }
        super.sendCommand(command);
    }

    /** The final dot of one e-mail, written to the server by the step's thread. */
    private static final class EarlyDot implements SmtpSession.FinalDot {

        /** Null when the data went through Angus Mail's own stream: then the transport sends the dot. */
        private final OutputStream server;

        private volatile boolean sent;
        private volatile IOException failure;

        EarlyDot(OutputStream server) {
            this.server = server;
        }

        @Override
        public void send() {
            if (server == null || sent) {
                return;
            }
            sent = true;
            try {
                server.write(DOT_LINE);
                server.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }
}
