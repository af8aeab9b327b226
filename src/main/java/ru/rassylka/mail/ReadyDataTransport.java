package ru.rassylka.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Socket;
import java.net.SocketException;
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
    private static final VarHandle SERVER_OUTPUT = field("serverOutput", OutputStream.class);
    /** The transport's socket; null when not found. */
    private static final VarHandle SERVER_SOCKET = field("serverSocket", Socket.class);

    /** The longest e-mail taken to be all in the buffer of the stream to the server until its dot. */
    private static final int KEPT_WHOLE = 4096;

    private SmtpDataStream data;
    /** The socket set to send small writes at once, so that it is set once. */
    private Socket sendingAtOnce;

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

    /**
     * Ends the e-mail's last line and answers the stream to the server the final dot may follow on,
     * which then sends what the stream holds with the dot. Most e-mails of a mailing are all still in
     * the stream's buffer (8 KB in Angus Mail) at this point, and the server has read all that came
     * before them (their commands were answered), so the one write of the e-mail with its dot cannot
     * wait for the server. A longer e-mail (part of which the buffer may have written already) is written up to
     * the dot here, so that the dot is the only write left. Answers null, having written nothing, when
     * the data goes through Angus Mail's own stream or the socket cannot send small writes at once:
     * then the transport ends the data itself.
     */
    protected final OutputStream endDataButTheDot() throws IOException {
        if (data == null || !sendSmallWritesAtOnce()) {
            return null;
        }
        data.endLine();
        OutputStream server = serverStream();
        if (data.given() > KEPT_WHOLE) {
            server.flush();
        }
        return server;
    }

    /**
     * Has the socket send small writes at once (TCP_NODELAY): the dot written after the rest of the
     * data would otherwise wait until the server acknowledged that rest, which it delays (40 ms on
     * Linux) while it has nothing to answer. False when the socket cannot be reached or set.
     */
    private boolean sendSmallWritesAtOnce() {
        Socket socket = socket();
        if (socket == null) {
            return false;
        }
        if (socket != sendingAtOnce) {
            try {
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                return false;
            }
            sendingAtOnce = socket;
        }
        return true;
    }

    /** Whether the socket sends small writes at once (TCP_NODELAY). */
    final boolean sendsSmallWritesAtOnce() throws SocketException {
        Socket socket = socket();
        return socket != null && socket.getTcpNoDelay();
    }

    private Socket socket() {
        return SERVER_SOCKET == null ? null : (Socket) SERVER_SOCKET.get((SMTPTransport) this);
    }

    /** The transport's buffered stream to the server while connected; null when it cannot be reached. */
    protected final OutputStream serverStream() {
        return SERVER_OUTPUT == null ? null : (OutputStream) SERVER_OUTPUT.get((SMTPTransport) this);
    }

    /** Whether the e-mails' data goes through {@link SmtpDataStream}, not Angus Mail's stream. */
    static boolean writesReadyData() {
        return SERVER_OUTPUT != null;
    }

    private static VarHandle field(String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(SMTPTransport.class, MethodHandles.lookup())
                    .findVarHandle(SMTPTransport.class, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
