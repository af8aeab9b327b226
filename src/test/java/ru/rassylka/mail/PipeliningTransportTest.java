package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sessions' transport against a real socket server that offers PIPELINING and answers an
 * e-mail's commands only once it has all of them up to DATA: a client that waited for each reply
 * would get none (and fail on its read timeout).
 */
class PipeliningTransportTest {

    private static final String TO = "to@example.org";

    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    /** What the server received, a line per group of commands read before it answered, "data" for an e-mail's content. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    private final CountDownLatch sessionEnded = new CountDownLatch(1);
    private final MailSettings settings = new MailSettings(
            Optional.of("127.0.0.1"),
            server.getLocalPort(),
            Optional.empty(),
            Optional.empty(),
            MailSettings.Tls.NONE,
            "from@example.org",
            0,
            3000);
    private final Session session = Session.getInstance(settings.sessionProperties());

    private volatile boolean offersPipelining = true;
    /** Replies to MAIL FROM, RCPT TO and DATA for the first e-mail; later ones are accepted. */
    private volatile String mailReply = "250 2.1.0 Ok";

    private volatile String rcptReply = "250 2.1.5 Ok";
    private volatile String dataReply = null;

    PipeliningTransportTest() throws IOException {}

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void anEmailsMailFromRcptToAndDataGoInOneWriteAndTheirRepliesAreReadTogether() throws Exception {
        serve();
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            assertEquals(250, send(smtp).code());
            SmtpSession.Reply second = send(smtp);

            assertEquals(250, second.code());
            assertTrue(second.text().contains("queued as 2"), second.text());
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));
        List<String> expected = List.of(
                "MAIL FROM:<from@example.org> | RCPT TO:<to@example.org> | DATA",
                "data",
                "MAIL FROM:<from@example.org> | RCPT TO:<to@example.org> | DATA",
                "data",
                "QUIT");
        assertEquals(expected, received);
    }

    @Test
    void aRefusedRecipientIsThrownAsWithoutPipeliningAndTheNextEmailGoesOnTheSameConnection() throws Exception {
        rcptReply = "550 5.1.1 <to@example.org>: Recipient address rejected: User unknown";
        serve();
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            SendFailedException refused = assertThrows(SendFailedException.class, () -> send(smtp));
            SMTPAddressFailedException address =
                    assertInstanceOf(SMTPAddressFailedException.class, refused.getNextException());
            assertEquals(550, address.getReturnCode());
            assertEquals("RCPT TO:<to@example.org>", address.getCommand());
            assertTrue(address.getMessage().contains("User unknown"), address.getMessage());
            assertEquals(List.of(new InternetAddress(TO)), List.of(refused.getInvalidAddresses()));

            assertEquals(250, send(smtp).code());
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));
        List<String> expected = List.of(
                "MAIL FROM:<from@example.org> | RCPT TO:<to@example.org> | DATA",
                "RSET",
                "MAIL FROM:<from@example.org> | RCPT TO:<to@example.org> | DATA",
                "data",
                "QUIT");
        assertEquals(expected, received, "no data for the refused recipient, and the transaction reset");
    }

    @Test
    void aSenderWaitingAtMailFromIsThrownWithTheMailFromCommandAndNoDataIsSent() throws Exception {
        mailReply = "451 4.7.1 Sender rate limited, try again later";
        serve();
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            SMTPSendFailedException refused = assertThrows(SMTPSendFailedException.class, () -> send(smtp));

            assertEquals(451, refused.getReturnCode());
            assertEquals("MAIL FROM:<from@example.org>", refused.getCommand());
            assertTrue(refused.getMessage().contains("rate limited"), refused.getMessage());
            assertEquals(250, send(smtp).code());
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));
        assertEquals("RSET", received.get(1));
        assertEquals(1, received.stream().filter("data"::equals).count());
    }

    @Test
    void aServerThatLetsDataBeginAfterARefusedRecipientGetsAnEmptyEmailThatGoesNowhere() throws Exception {
        rcptReply = "450 4.2.0 <to@example.org>: Recipient address rejected: Greylisted";
        dataReply = "354 go on"; // a careless server: a real one answers 554, no valid recipients
        serve();
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            SendFailedException refused = assertThrows(SendFailedException.class, () -> send(smtp));

            assertEquals(450, ((SMTPAddressFailedException) refused.getNextException()).getReturnCode());
            assertEquals(List.of(new InternetAddress(TO)), List.of(refused.getValidUnsentAddresses()));
            assertEquals(250, send(smtp).code());
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));
        assertEquals("empty data", received.get(1));
        assertEquals("RSET", received.get(2));
    }

    @Test
    void withoutPipeliningOnOfferEachCommandWaitsForItsReply() throws Exception {
        offersPipelining = false;
        serve();
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            assertEquals(250, send(smtp).code());
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));
        assertEquals(
                List.of("MAIL FROM:<from@example.org>", "RCPT TO:<to@example.org>", "DATA", "data", "QUIT"), received);
    }

    private SmtpSession.Reply send(SmtpSession smtp) throws Exception {
        return smtp.send(message(), new InternetAddress(TO), SmtpSession.BeforeFinalDot.NOTHING);
    }

    private MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("from@example.org"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(TO));
        message.setSubject("Hello");
        message.setText("A line\r\n");
        return message;
    }

    private void serve() {
        Thread serving = new Thread(this::serveOne, "pipelining-test");
        serving.setDaemon(true);
        serving.start();
    }

    /**
     * One session. Offering PIPELINING, it reads an e-mail's commands up to DATA before it answers
     * any of them; otherwise it answers each command as it comes.
     */
    private void serveOne() {
        int queued = 0;
        boolean first = true;
        try (Socket client = server.accept();
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.toUpperCase(Locale.ROOT);
                if (verb.startsWith("EHLO")) {
                    reply(
                            out,
                            offersPipelining
                                    ? "250-test\r\n250-PIPELINING\r\n250 8BITMIME"
                                    : "250-test\r\n250 8BITMIME");
                } else if (verb.startsWith("MAIL FROM:") || verb.startsWith("RCPT TO:") || verb.equals("DATA")) {
                    List<String> group = new ArrayList<>(List.of(line));
                    while (offersPipelining && !group.get(group.size() - 1).equals("DATA")) {
                        group.add(in.readLine());
                    }
                    received.add(String.join(" | ", group));
                    boolean refused = false;
                    boolean dataAccepted = false;
                    for (String command : group) {
                        String answer;
                        if (command.startsWith("MAIL")) {
                            answer = first ? mailReply : "250 2.1.0 Ok";
                        } else if (command.startsWith("RCPT")) {
                            answer = first ? rcptReply : "250 2.1.5 Ok";
                        } else if (first && dataReply != null) {
                            answer = dataReply;
                        } else {
                            answer = refused
                                    ? "554 5.5.1 Error: no valid recipients"
                                    : "354 End data with <CR><LF>.<CR><LF>";
                        }
                        refused |= !answer.startsWith("2") && !answer.startsWith("3");
                        reply(out, answer);
                        dataAccepted = command.equals("DATA") && answer.startsWith("354");
                    }
                    if (dataAccepted) {
                        int lines = 0;
                        while (!".".equals(in.readLine())) {
                            lines++;
                        }
                        received.add(lines == 0 ? "empty data" : "data");
                        reply(out, "250 2.0.0 Ok: queued as " + ++queued);
                    }
                    if (group.get(group.size() - 1).equals("DATA")) {
                        first = false;
                    }
                } else if (verb.equals("RSET")) {
                    received.add("RSET");
                    reply(out, "250 2.0.0 Ok");
                } else if (verb.equals("QUIT")) {
                    received.add("QUIT");
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            received.add("dropped");
        } finally {
            sessionEnded.countDown();
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
