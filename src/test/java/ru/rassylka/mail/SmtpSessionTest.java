package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpSessionTest {

    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    /** What the server saw of each e-mail: "dot" when its final dot came, "dropped" when the connection closed before it. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private final AtomicBoolean stepRan = new AtomicBoolean();
    private final List<Boolean> stepRanAtDot = new CopyOnWriteArrayList<>();
    private final CountDownLatch sessionEnded = new CountDownLatch(1);
    /** Counted down when the server has read the e-mail's last line before the dot. */
    private final CountDownLatch lastLineRead = new CountDownLatch(1);
    /** Counted down when the server has read the final dot. */
    private final CountDownLatch dotRead = new CountDownLatch(1);
    /** The commands the server read outside the e-mails' data. */
    private final List<String> commands = new CopyOnWriteArrayList<>();

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

    SmtpSessionTest() throws IOException {
        Thread serving = new Thread(this::serveOne, "smtp-session-test");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void theStepBeforeTheFinalDotRunsBeforeTheServerHasTheDot() throws Exception {
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            SmtpSession.Reply reply =
                    smtp.send(message(), new InternetAddress("to@example.org"), dot -> stepRan.set(true));

            assertEquals(250, reply.code());
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("dot"), seen);
        assertEquals(List.of(true), stepRanAtDot, "the step had run when the dot came");
    }

    @Test
    void whenTheStepFailsTheDotIsNeverSentAndTheConnectionIsDropped() throws Exception {
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            FinalDotWithheld withheld = assertThrows(
                    FinalDotWithheld.class,
                    () -> smtp.send(message(), new InternetAddress("to@example.org"), dot -> {
                        throw new IOException("the mark could not be written");
                    }));

            assertTrue(withheld.getMessage().contains("the mark could not be written"), withheld.getMessage());
            assertFalse(smtp.isUsable());
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("dropped"), seen, "the server never got the dot, so it discards the e-mail");
    }

    @Test
    void allOfALongEmailButTheDotHasReachedTheServerWhenTheStepRuns() throws Exception {
        AtomicBoolean lastLineThere = new AtomicBoolean();
        MimeMessage message = message();
        message.setText(
                "A line of a long e-mail, one of many\r\n".repeat(200) + ".\r\nA line with a dot alone above it\r\n");
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            smtp.send(message, new InternetAddress("to@example.org"), dot -> {
                try {
                    lastLineThere.set(lastLineRead.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(lastLineThere.get(), "the server read the e-mail's last line while the step ran");
    }

    @Test
    void aStepThatSendsTheDotFromAnotherThreadHasTheEmailAcceptedOnceBeforeItReturns() throws Exception {
        AtomicBoolean acceptedWhileStepRan = new AtomicBoolean();
        SmtpSession.Reply reply;
        try (SmtpSession smtp = SmtpSession.open(session, session, settings)) {
            reply = smtp.send(message(), new InternetAddress("to@example.org"), dot -> {
                Thread committing = new Thread(dot::send, "committing");
                committing.start();
                try {
                    committing.join();
                    acceptedWhileStepRan.set(dotRead.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(sessionEnded.await(5, TimeUnit.SECONDS));

        assertTrue(acceptedWhileStepRan.get(), "the server had the dot before the step returned");
        assertEquals(250, reply.code(), "the reply to the dot the step sent");
        assertEquals(List.of("dot"), seen);
        assertFalse(commands.contains("."), "no second dot after the e-mail: " + commands);
    }

    private MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("from@example.org"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("to@example.org"));
        message.setSubject("Hello");
        message.setText("A line\r\n.\r\nA line with a dot alone above it\r\n");
        return message;
    }

    /** A server that accepts every command and tells whether each e-mail's final dot came. */
    private void serveOne() {
        try (Socket client = server.accept();
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                if (line.equals("DATA")) {
                    reply(out, "354 go on");
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        // the e-mail's lines; a dot alone in the text comes stuffed as ".."
                        if (data.equals("A line with a dot alone above it")) {
                            lastLineRead.countDown();
                        }
                    }
                    if (data == null) {
                        seen.add("dropped");
                        return;
                    }
                    seen.add("dot");
                    dotRead.countDown();
                    stepRanAtDot.add(stepRan.get());
                    reply(out, "250 2.0.0 queued");
                } else if (line.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            seen.add("dropped");
        } finally {
            sessionEnded.countDown();
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
