package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;

class ReadyDataTransportTest {

    private static final String TEXT = ".a line that starts with a dot\n"
            + "..and one with two\n"
            + ".\n"
            + "a line whose dot . is inside\n"
            + "Привет, Анна!\n";
    private static final String HTML = "<p>x</p>\n.<p>dotted</p>";

    @Test
    void theServerReceivesTheSameDataAsFromAngusMailsOwnTransport() throws Exception {
        assertTrue(ReadyDataTransport.writesReadyData(), "the transport reaches its stream to the server");
        try (RecordingServer server = new RecordingServer()) {
            Session session = server.session();
            for (MimeMessage message :
                    List.of(layoutMail(session, null), layoutMail(session, HTML), plainMail(session))) {
                send(session.getTransport(), message);
                send(FinalDotTransport.of(session), message);
            }
            List<byte[]> data = server.data();
            assertEquals(6, data.size());
            for (int i = 0; i < data.size(); i += 2) {
                assertArrayEquals(data.get(i), data.get(i + 1), "e-mail " + (i / 2 + 1));
            }
            String dotted = new String(data.get(0), StandardCharsets.US_ASCII);
            assertTrue(dotted.contains("\r\n..a line that starts with a dot\r\n"), dotted);
            assertTrue(dotted.contains("\r\n...and one with two\r\n"), dotted);
            assertTrue(dotted.contains("\r\n..\r\n"), dotted);
            assertTrue(dotted.endsWith("\r\n.\r\n"), "the data ends with the dot alone on its line");
        }
    }

    @Test
    void anEmailWhoseDotWaitsForAStepHasItsSocketSendSmallWritesAtOnce() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            Session session = server.session();
            FinalDotTransport transport = FinalDotTransport.of(session);
            transport.connect();
            try {
                MimeMessage message = plainMail(session);
                assertFalse(transport.sendsSmallWritesAtOnce(), "not before it is needed");
                transport.beforeFinalDot(dot -> {});
                transport.sendMessage(message, message.getAllRecipients());

                assertEquals(250, transport.getLastReturnCode());
                assertTrue(transport.sendsSmallWritesAtOnce(), "the dot would wait for the server's acknowledgement");
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aMailServerKeepsTheLinesThatStartWithADot() throws Exception {
        GreenMail server =
                new GreenMail(new ServerSetup(0, MailSettings.LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", MailSettings.LOOPBACK);
            properties.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
            Session session = Session.getInstance(properties);
            SMTPTransport transport = FinalDotTransport.of(session);
            transport.connect();
            try {
                for (int i = 0; i < 2; i++) {
                    MimeMessage message = layoutMail(session, null);
                    transport.sendMessage(message, message.getAllRecipients());
                    assertEquals(250, transport.getLastReturnCode());
                }
            } finally {
                transport.close();
            }
            MimeMessage[] received = server.getReceivedMessages();
            assertEquals(2, received.length);
            for (MimeMessage message : received) {
                // the line end before the closing dot belongs to the end of the data
                assertEquals(TEXT.strip().replace("\n", "\r\n"), message.getContent());
            }
        } finally {
            server.stop();
        }
    }

    private static MimeMessage layoutMail(Session session, String html) throws Exception {
        InternetAddress from = new InternetAddress("service@example.org");
        return MailLayout.of(session, from, html != null)
                .build(
                        new InternetAddress("anna@example.org", "Анна"),
                        "Новости",
                        TEXT,
                        html,
                        "<1.2.rassylka@example.org>",
                        Map.of("List-Unsubscribe", "<https://rassylka.example.org/unsubscribe?t=x>"));
    }

    /** An e-mail Jakarta Mail writes itself, with bare line ends in its text. */
    private static MimeMessage plainMail(Session session) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("service@example.org"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("anna@example.org"));
        message.setSubject("Plain");
        message.setText("first\n.second\rthird\r\n.", "US-ASCII");
        message.saveChanges();
        return message;
    }

    private static void send(jakarta.mail.Transport transport, MimeMessage message) throws Exception {
        transport.connect();
        try {
            Address[] to = message.getAllRecipients();
            transport.sendMessage(message, to);
        } finally {
            transport.close();
        }
    }

    /** A mail server that answers every command with success and keeps each e-mail's data as it came over the wire. */
    private static final class RecordingServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<byte[]> data = new ArrayList<>();
        private final Thread thread = new Thread(this::serve, "recording SMTP server");

        RecordingServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        Session session() {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", MailSettings.LOOPBACK);
            properties.put("mail.smtp.port", String.valueOf(socket.getLocalPort()));
            properties.put("mail.smtp.quitwait", "false");
            return Session.getInstance(properties);
        }

        synchronized List<byte[]> data() throws InterruptedException {
            long until = System.currentTimeMillis() + 5000;
            while (data.size() < 6 && System.currentTimeMillis() < until) {
                wait(100);
            }
            return List.copyOf(data);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    converse(client.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    // the client left, or the server is closed
                }
            }
        }

        private void converse(InputStream in, OutputStream out) throws IOException {
            reply(out, "220 recording");
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-recording\r\n250 8BITMIME");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go on");
                    byte[] received = readData(in);
                    synchronized (this) {
                        data.add(received);
                        notifyAll();
                    }
                    reply(out, "250 kept");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        }

        /** The data up to and with the line that holds the dot alone. */
        private static byte[] readData(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                bytes.write(b);
                byte[] so = bytes.toByteArray();
                int n = so.length;
                if (n >= 3
                        && so[n - 3] == '.'
                        && so[n - 2] == '\r'
                        && so[n - 1] == '\n'
                        && (n == 3 || (n >= 5 && so[n - 5] == '\r' && so[n - 4] == '\n'))) {
                    return so;
                }
            }
            return bytes.toByteArray();
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return line.toString().strip();
                }
                line.append((char) b);
            }
            return line.length() == 0 ? null : line.toString();
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
