package ru.rassylka.testing.server;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SMTP server of the container tests (GreenMail behind {@link FaultySmtpFront} on SMTP_PORT,
 * which refuses or defers special recipients), inside the server under test so that in-container
 * tests read it directly and client tests through {@link TestSupportServlet}.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class TestMailServer {

    private GreenMail server;
    private FaultySmtpFront front;

    @PostConstruct
    void start() {
        int greenMailPort;
        try (ServerSocket free = new ServerSocket(0)) {
            greenMailPort = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new GreenMail(new ServerSetup(greenMailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            front = new FaultySmtpFront(Integer.parseInt(System.getenv("SMTP_PORT")), greenMailPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        try {
            front.stop();
        } catch (IOException e) {
            // the port is released with the process anyway
        }
        server.stop();
    }

    /** The e-mails received for an address, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    /** Waits up to 15 s until the address has received the given number of e-mails, and returns the last. */
    public MimeMessage awaitMail(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> received = to(address);
            if (received.size() >= count) {
                return received.get(count - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No e-mail number " + count + " to " + address + " within 15 s");
    }

    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the token parameter of the first link in an e-mail. */
    public static Optional<String> token(MimeMessage message) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("[?&]token=([A-Za-z0-9_\\-]+)").matcher(text(message));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address)
                            || recipient instanceof InternetAddress named && address.equalsIgnoreCase(named.getAddress()));
        } catch (MessagingException e) {
            return false;
        }
    }
}
