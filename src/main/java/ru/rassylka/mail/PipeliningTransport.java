package ru.rassylka.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * The transport of the sessions, which pipelines (RFC 2920) when the server offers PIPELINING: an
 * e-mail's {@code MAIL FROM}, {@code RCPT TO} and {@code DATA} go to the server in one write, and
 * their replies are read together once {@code DATA} is sent, so an e-mail costs two round trips
 * rather than four. Angus Mail still makes every command and reads every reply; until {@code DATA}
 * it is told that the commands it wrote were accepted. A refusal of {@code MAIL FROM} or
 * {@code RCPT TO} is thrown as Angus Mail throws it when it sends them one at a time, after the
 * mail transaction is reset; the e-mail's data is never sent then. One recipient per e-mail, as
 * the sessions send; with more, or when the server does not offer it, one command at a time.
 */
class PipeliningTransport extends ReadyDataTransport {

    private static final byte[] CRLF = {'\r', '\n'};

    private final Charset commands;
    /** The commands written since the last reply that was read, in their order. */
    private final List<String> unanswered = new ArrayList<>(2);

    private InternetAddress recipient;
    private boolean pipelining;
    /** Whether the command just written waits for the reply that Angus Mail reads next. */
    private boolean replyDeferred;

    protected PipeliningTransport(Session session, String protocol) {
        super(session, protocol);
        // as Angus Mail writes its commands
        this.commands = Boolean.parseBoolean(session.getProperty("mail.mime.allowutf8"))
                ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1;
    }

    /** Whether the server offered PIPELINING, so that e-mails to one recipient are sent pipelined. */
    boolean pipelines() {
        return serverStream() != null && supportsExtension("PIPELINING");
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        pipelining = addresses != null
                && addresses.length == 1
                && addresses[0] instanceof InternetAddress address
                && pipelines();
        recipient = pipelining ? (InternetAddress) addresses[0] : null;
        try {
            super.sendMessage(message, addresses);
        } finally {
            pipelining = false;
            replyDeferred = false;
            unanswered.clear();
            recipient = null;
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (!pipelining || !(command.startsWith("MAIL FROM:") || command.startsWith("RCPT TO:"))) {
            super.sendCommand(command); // flushes what was written before it too
            return;
        }
        byte[] bytes = command.getBytes(commands);
        for (byte b : bytes) {
            if (b == '\r' || b == '\n') {
                throw new MessagingException(
                        "Can't send command to SMTP host", new IllegalArgumentException("Command contains a line end"));
            }
        }
        try {
            OutputStream server = serverStream();
            server.write(bytes);
            server.write(CRLF);
        } catch (IOException | RuntimeException e) {
            throw new MessagingException("Can't send command to SMTP host", e);
        }
        unanswered.add(command);
        replyDeferred = true;
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (replyDeferred) {
            replyDeferred = false;
            return 250; // its real reply is read with the reply to DATA
        }
        if (unanswered.isEmpty()) {
            return super.readServerResponse();
        }
        List<String> written = List.copyOf(unanswered);
        unanswered.clear();
        String refused = null;
        int refusedCode = 0;
        String refusedReply = null;
        for (String command : written) {
            int code = super.readServerResponse();
            if (refused == null && (code < 200 || code > 299)) {
                refused = command;
                refusedCode = code;
                refusedReply = getLastServerResponse();
            }
        }
        int code = super.readServerResponse(); // to the command that sent them all: DATA
        if (refused == null) {
            return code;
        }
        endTransaction(code, refusedCode);
        throw refusal(refused, refusedCode, refusedReply);
    }

    /** After a refused MAIL FROM or RCPT TO: ends the data a careless server may have let begin, and resets. */
    private void endTransaction(int dataReply, int refusedCode) throws MessagingException {
        if (dataReply == -1 || refusedCode == -1 || refusedCode == 421) {
            return; // the server has closed the connection
        }
        if (dataReply == 354) {
            super.sendCommand("."); // no recipient took it, so the empty e-mail goes nowhere
            super.readServerResponse();
        }
        super.sendCommand("RSET");
        super.readServerResponse();
    }

    /** The exception Angus Mail throws for this refusal when it waits for each reply. */
    private MessagingException refusal(String command, int code, String reply) {
        Address[] one = {recipient};
        Address[] none = {};
        if (command.startsWith("RCPT TO:")) {
            boolean lasting = code >= 500;
            return new SendFailedException(
                    "Invalid Addresses",
                    new SMTPAddressFailedException(recipient, command, code, reply),
                    none,
                    lasting ? none : one,
                    lasting ? one : none);
        }
        return new SMTPSendFailedException(command, code, reply, null, none, one, none);
    }
}
