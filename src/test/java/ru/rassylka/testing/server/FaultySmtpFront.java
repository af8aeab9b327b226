package ru.rassylka.testing.server;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server in front of the tests' GreenMail that answers like a real server would for
 * special recipients and passes every accepted e-mail on to GreenMail:
 * {@code …+reject5xx@…} is refused with 550 as an unknown user, {@code …+policy5xx@…} with 550 for
 * the recipient's policy (the address exists), {@code …+defer4xx@…} gets 451 the first time,
 * {@code …+slow@…} waits 300 ms before its RCPT is accepted, {@code …+slower@…} 2 s (longer than
 * half the tests' lease), and an e-mail to {@code …+holddot@…} waits 2 s for the answer to its final
 * dot (which {@link #dotReceived} tells meanwhile).
 * It keeps every {@code MAIL FROM} and {@code RCPT TO} command as the bytes it received (GreenMail
 * shows only headers), offers PIPELINING as most relays do (so a client sends an e-mail's
 * commands up to DATA together; a RCPT TO after a refused MAIL FROM gets 503 and DATA without an
 * accepted recipient 554, as Postfix answers them), offers SMTPUTF8 in its EHLO reply only when asked to, and can answer the
 * next {@code MAIL FROM} or {@code DATA} commands with a given reply, as a relay that throttles or
 * refuses the sender does. An e-mail sent with SMTPUTF8 is accepted but not passed on: GreenMail
 * does not speak it.
 */
public final class FaultySmtpFront {

    private final ServerSocket socket;
    private final Session relay;
    private final Map<String, AtomicInteger> deferred = new ConcurrentHashMap<>();
    private final List<Envelope> envelopes = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Set<String> dots = ConcurrentHashMap.newKeySet();
    private volatile boolean offersSmtputf8;
    private volatile boolean offersPipelining = true;
    private volatile boolean running = true;

    /**
     * The envelope of one mail transaction as the bytes received, without line ends: its
     * {@code MAIL FROM} command and the {@code RCPT TO} commands that followed it; {@code pipelined}
     * when the commands after {@code MAIL FROM} had come before it was answered.
     */
    public record Envelope(byte[] mailFrom, List<byte[]> rcptTo, boolean pipelined) {}

    /** A reply given instead of the usual one to the next {@code times} commands of one kind. */
    private record Answer(String reply, AtomicInteger left) {

        boolean take() {
            return left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    FaultySmtpFront(int port, int greenMailPort) throws IOException {
        socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(greenMailPort));
        relay = Session.getInstance(properties);
        Thread acceptor = new Thread(this::accept, "faulty-smtp-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void stop() throws IOException {
        running = false;
        socket.close();
        dropSessions();
    }

    /** Every envelope received so far, oldest first, whether or not the server accepted it. */
    List<Envelope> envelopes() {
        return List.copyOf(envelopes);
    }

    /**
     * Whether EHLO offers SMTPUTF8 from now on. Open sessions are dropped, as a server restarting
     * with another configuration does, so that every client greets it again.
     */
    void offerSmtputf8(boolean offer) {
        offersSmtputf8 = offer;
        dropSessions();
    }

    /** Whether EHLO offers PIPELINING from now on (it does unless told); open sessions are dropped. */
    void offerPipelining(boolean offer) {
        offersPipelining = offer;
        dropSessions();
    }

    /** Answers the next {@code times} commands {@code verb} ("MAIL" or "DATA") with {@code reply}. */
    void answer(String verb, String reply, int times) {
        answers.put(verb, new Answer(reply, new AtomicInteger(times)));
    }

    /** How many of the replies given to {@link #answer} are still to be given. */
    int answersLeft(String verb) {
        Answer answer = answers.get(verb);
        return answer == null ? 0 : answer.left().get();
    }

    /** Back to the usual replies and no SMTPUTF8. */
    void behaveNormally() {
        answers.clear();
        offersPipelining = true;
        offerSmtputf8(false);
    }

    private void dropSessions() {
        for (Socket session : open) {
            try {
                session.close();
            } catch (IOException e) {
                // it is going anyway
            }
        }
    }

    private void accept() {
        while (running) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> converse(client), "faulty-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        open.add(client);
        // ISO-8859-1 turns each byte into one char and back, so commands are kept as the bytes sent
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 faulty-front ESMTP");
            List<String> recipients = new ArrayList<>();
            List<byte[]> rcptTo = new ArrayList<>();
            boolean smtputf8 = false;
            boolean mailAccepted = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(
                            out,
                            "250-faulty-front\r\n" + (offersPipelining ? "250-PIPELINING\r\n" : "")
                                    + (offersSmtputf8 ? "250-8BITMIME\r\n250 SMTPUTF8" : "250 8BITMIME"));
                } else if (command.startsWith("HELO")) {
                    reply(out, "250 faulty-front");
                } else if (command.startsWith("MAIL FROM")) {
                    rcptTo = new CopyOnWriteArrayList<>();
                    envelopes.add(new Envelope(line.getBytes(StandardCharsets.ISO_8859_1), rcptTo, in.ready()));
                    recipients.clear();
                    smtputf8 = command.endsWith(" SMTPUTF8");
                    String answer = special("MAIL").orElse("250 2.1.0 Ok");
                    mailAccepted = answer.startsWith("250");
                    reply(out, answer);
                    if (answer.startsWith("421")) {
                        return; // the server closes the connection after 421
                    }
                } else if (command.startsWith("RCPT TO") && !mailAccepted) {
                    // a pipelining client's RCPT TO after its MAIL FROM was refused: no transaction to add it to
                    reply(out, "503 5.5.1 Error: need MAIL command");
                } else if (command.startsWith("RCPT TO")) {
                    rcptTo.add(line.getBytes(StandardCharsets.ISO_8859_1));
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String answer = answerTo(address);
                    if (answer.startsWith("250")) {
                        recipients.add(address);
                    }
                    reply(out, answer);
                } else if (command.equals("DATA")) {
                    String refusal = special("DATA").orElse(null);
                    if (refusal != null) {
                        reply(out, refusal);
                        if (refusal.startsWith("421")) {
                            return;
                        }
                        continue;
                    }
                    if (recipients.isEmpty()) {
                        // a pipelining client's DATA after its recipients were refused
                        reply(
                                out,
                                rcptTo.isEmpty()
                                        ? "503 5.5.1 Error: need RCPT command"
                                        : "554 5.5.1 Error: no valid recipients");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    byte[] data = readData(in);
                    holdAnswerToTheDot(recipients);
                    if (!smtputf8) {
                        deliver(data, recipients);
                    }
                    reply(out, "250 2.0.0 Ok: queued");
                    recipients.clear();
                    mailAccepted = false;
                } else if (command.equals("RSET")) {
                    recipients.clear();
                    mailAccepted = false;
                    reply(out, "250 2.0.0 Ok");
                } else if (command.equals("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException | MessagingException e) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    /** Whether the final dot of an e-mail to {@code address} has come. */
    boolean dotReceived(String address) {
        return dots.contains(address.toLowerCase(Locale.ROOT));
    }

    private void holdAnswerToTheDot(List<String> recipients) {
        for (String address : recipients) {
            dots.add(address.toLowerCase(Locale.ROOT));
        }
        if (recipients.stream()
                .anyMatch(address -> address.toLowerCase(Locale.ROOT).contains("+holddot@"))) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<String> special(String verb) {
        Answer answer = answers.get(verb);
        return answer != null && answer.take() ? Optional.of(answer.reply()) : Optional.empty();
    }

    private String answerTo(String address) {
        String local = address.toLowerCase(Locale.ROOT);
        if (local.contains("+reject5xx@")) {
            return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
        }
        if (local.contains("+policy5xx@")) {
            return "550 5.7.1 <" + address + ">: Recipient address rejected: refused by the recipient's policy";
        }
        if (local.contains("+defer4xx@")
                && deferred.computeIfAbsent(local, key -> new AtomicInteger()).getAndIncrement() == 0) {
            return "451 4.3.0 <" + address + ">: Temporary failure, try again later";
        }
        if (local.contains("+slow@") || local.contains("+slower@")) {
            try {
                Thread.sleep(local.contains("+slow@") ? 300 : 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return "250 2.1.5 Ok";
    }

    private static byte[] readData(BufferedReader in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String line;
        while (!".".equals(line = in.readLine())) {
            if (line == null) {
                // the client went away before the final dot: a server discards what it got
                throw new IOException("The connection closed before the final dot");
            }
            String unstuffed = line.startsWith("..") ? line.substring(1) : line;
            data.write(unstuffed.getBytes(StandardCharsets.ISO_8859_1));
            data.write('\r');
            data.write('\n');
        }
        return data.toByteArray();
    }

    private void deliver(byte[] data, List<String> recipients) throws MessagingException {
        MimeMessage message = new MimeMessage(relay, new ByteArrayInputStream(data));
        Address[] to = new Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(recipients.get(i));
        }
        try (Transport transport = relay.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, to);
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
