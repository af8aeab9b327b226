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
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server in front of the tests' GreenMail that answers like a real server would for
 * special recipients and passes every accepted e-mail on to GreenMail:
 * {@code …+reject5xx@…} is refused with 550, {@code …+defer4xx@…} gets 451 the first time,
 * {@code …+slow@…} waits 300 ms before its RCPT is accepted, {@code …+slower@…} 2 s (longer than
 * half the tests' lease). GreenMail cannot refuse recipients.
 */
final class FaultySmtpFront {

    private final ServerSocket socket;
    private final Session relay;
    private final Map<String, AtomicInteger> deferred = new ConcurrentHashMap<>();
    private volatile boolean running = true;

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
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 faulty-front ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 faulty-front");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 2.1.0 Ok");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String answer = answerTo(address);
                    if (answer.startsWith("250")) {
                        recipients.add(address);
                    }
                    reply(out, answer);
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    byte[] data = readData(in);
                    deliver(data, recipients);
                    reply(out, "250 2.0.0 Ok: queued");
                } else if (command.equals("RSET")) {
                    recipients.clear();
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
        }
    }

    private String answerTo(String address) {
        String local = address.toLowerCase(Locale.ROOT);
        if (local.contains("+reject5xx@")) {
            return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
        }
        if (local.contains("+defer4xx@") && deferred.computeIfAbsent(local, key -> new AtomicInteger()).getAndIncrement() == 0) {
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
        while ((line = in.readLine()) != null && !line.equals(".")) {
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
