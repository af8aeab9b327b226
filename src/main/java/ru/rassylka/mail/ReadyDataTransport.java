package ru.rassylka.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, whose e-mail data goes to the server through a {@link SmtpDataStream}
 * rather than Angus Mail's stream, which looks at every byte twice and hands the buffer of the
 * connection one line and one line end at a time. The commands, the replies and the dot that ends
 * the data stay Angus Mail's. Where the transport's buffered stream to the server cannot be reached
 * (another version of Angus Mail), its own stream is used.
 */
class ReadyDataTransport extends SMTPTransport {

    /** The transport's buffered stream to the server, once the data's command has been answered; null when not found. */
    private static final VarHandle SERVER_OUTPUT = serverOutput();

    private SmtpDataStream data;

    protected ReadyDataTransport(Session session, String protocol) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, protocol.equals("smtps"));
    }

    @Override
    protected OutputStream data() throws MessagingException {
        OutputStream angus = super.data();
        OutputStream server = serverStream();
        if (server == null) {
            data = null;
            return angus;
        }
        data = new SmtpDataStream(server);
        return data;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        if (data != null) {
            data.endLine();
            data = null;
        }
        super.finishData();
    }

    /** The transport's buffered stream to the server while connected; null when it cannot be reached. */
    protected final OutputStream serverStream() {
        return SERVER_OUTPUT == null ? null : (OutputStream) SERVER_OUTPUT.get((SMTPTransport) this);
    }

    /** Whether the e-mails' data goes through {@link SmtpDataStream}, not Angus Mail's stream. */
    static boolean writesReadyData() {
        return SERVER_OUTPUT != null;
    }

    private static VarHandle serverOutput() {
        try {
            return MethodHandles.privateLookupIn(SMTPTransport.class, MethodHandles.lookup())
                    .findVarHandle(SMTPTransport.class, "serverOutput", OutputStream.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
