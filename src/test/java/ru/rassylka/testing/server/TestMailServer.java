package ru.rassylka.testing.server;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMTP server of the container tests (GreenMail behind {@link FaultySmtpFront} on SMTP_PORT,
 * which refuses or defers special recipients), inside the server under test so that in-container
 * tests read it directly and client tests through {@link TestSupportServlet}. GreenMail itself
 * refuses every recipient whose address starts with {@value #REFUSED_PREFIX}, as a server answers
 * an unknown mailbox.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class TestMailServer {

    public static final String REFUSED_PREFIX = "refused-";

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
        server = new RefusingGreenMail(new ServerSetup(greenMailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            front = new FaultySmtpFront(Integer.parseInt(System.getenv("SMTP_PORT")), greenMailPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GreenMail whose SMTP service refuses the recipients of {@link #REFUSED_PREFIX}. */
    private static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    return recipient.getEmail().startsWith(REFUSED_PREFIX) ? "550 5.1.1 Mailbox unavailable" : null;
                }
            };
            return super.createServices(config, new Managers() {
                @Override
                public SmtpManager getSmtpManager() {
                    return refusing;
                }

                @Override
                public UserManager getUserManager() {
                    return managers.getUserManager();
                }

                @Override
                public ImapHostManager getImapHostManager() {
                    return managers.getImapHostManager();
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        stopBoth();
    }

    private void stopBoth() {
        try {
            front.stop();
        } catch (IOException e) {
            // the port is released with the process anyway
        }
        server.stop();
    }

    /** Stops the SMTP server for a while, as a mail server that is briefly away; e-mails received so far are forgotten. */
    @Lock(LockType.WRITE)
    public void pause() {
        stopBoth();
    }

    @Lock(LockType.WRITE)
    public void resume() {
        start();
    }

    /**
     * The envelopes (MAIL FROM and RCPT TO commands as the bytes that came over the wire) of the
     * mail transactions with a recipient command that contains {@code marker} (compared as UTF-8
     * bytes), oldest first. GreenMail shows only headers; this is what the server was asked.
     */
    public List<FaultySmtpFront.Envelope> envelopesTo(String marker) {
        byte[] wanted = marker.getBytes(StandardCharsets.UTF_8);
        return front.envelopes().stream()
                .filter(envelope -> envelope.rcptTo().stream().anyMatch(command -> indexOf(command, wanted) >= 0))
                .toList();
    }

    /** Whether the SMTP server offers SMTPUTF8 from now on (it does not unless told); open sessions are dropped. */
    @Lock(LockType.WRITE)
    public void offerSmtputf8(boolean offer) {
        front.offerSmtputf8(offer);
    }

    /** Answers the next {@code times} MAIL FROM commands with {@code reply}, as a relay that throttles or refuses the sender. */
    @Lock(LockType.WRITE)
    public void answerMailFrom(String reply, int times) {
        front.answer("MAIL", reply, times);
    }

    /** How many of the replies asked for by {@link #answerMailFrom} are still to come. */
    public int mailFromAnswersLeft() {
        return front.answersLeft("MAIL");
    }

    /** Answers the next {@code times} DATA commands with {@code reply}. */
    @Lock(LockType.WRITE)
    public void answerData(String reply, int times) {
        front.answer("DATA", reply, times);
    }

    /** Whether the final dot of an e-mail to the address has reached the server (its answer may still be held). */
    public boolean dotReceived(String address) {
        return front.dotReceived(address);
    }

    /** Whether the SMTP server offers PIPELINING from now on (it does unless told); open sessions are dropped. */
    @Lock(LockType.WRITE)
    public void offerPipelining(boolean offer) {
        front.offerPipelining(offer);
    }

    /** Back to the usual replies, with PIPELINING and without SMTPUTF8. */
    @Lock(LockType.WRITE)
    public void behaveNormally() {
        front.behaveNormally();
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The e-mails received for an address, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .toList();
    }

    /**
     * The e-mails whose envelope named the address in RCPT TO, oldest first: GreenMail files each
     * e-mail in the mailbox of every envelope recipient, whatever its headers say.
     */
    public List<MimeMessage> envelopeTo(String address) {
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return server.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage)
                    .toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
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
        return token(text(message));
    }

    /** The value of the token parameter of the first link in an e-mail's text. */
    public static Optional<String> token(String text) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("[?&]token=([A-Za-z0-9_\\-]+)").matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address)
                            || recipient instanceof InternetAddress named
                                    && address.equalsIgnoreCase(named.getAddress()));
        } catch (MessagingException e) {
            return false;
        }
    }
}
