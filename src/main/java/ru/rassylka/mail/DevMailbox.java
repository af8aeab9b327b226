package ru.rassylka.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In development mode (no {@code SMTP_HOST}) an SMTP server on the loopback interface that keeps
 * the newest {@link #KEPT} e-mails in memory, so that a person can read them at {@code /dev/mailbox};
 * older ones are dropped and counted. An e-mail to {@code *@bounce.test} or {@code *@complaint.test}
 * comes back as a bounce or a complaint report ({@link TestDomainReports}), kept here beside it and
 * handed to the bounce path as a {@link ReturnedReport}.
 */
@Singleton
@Startup
@Named
@Lock(LockType.READ)
public class DevMailbox {

    /** How many e-mails the mailbox keeps: a trial run to 100,000 recipients must not fill the heap. */
    public static final int KEPT = 1000;

    @Inject
    private MailSettings settings;

    @Inject
    private Logger logger;

    @Inject
    private Event<ReturnedReport> returned;

    private final NewestMails mails = new NewestMails(KEPT);

    private GreenMail server;

    @PostConstruct
    void start() {
        if (!settings.development()) {
            return;
        }
        try {
            server = server(
                    new ServerSetup(settings.developmentPort(), MailSettings.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                    mails,
                    logger,
                    this::returnToSender);
            server.start();
            logger.warning(() -> "DEVELOPMENT MODE: e-mails are not delivered; read them at /dev/mailbox (SMTP "
                    + settings.describe() + ")");
        } catch (RuntimeException e) {
            server = null;
            logger.log(
                    Level.SEVERE, "The development mailbox could not start on port " + settings.developmentPort(), e);
        }
    }

    /**
     * An SMTP server that hands every e-mail it receives to {@code mails} and stores none itself:
     * GreenMail's own store would keep every message, and a mailbox for every recipient, for ever.
     */
    static GreenMail server(ServerSetup setup, NewestMails mails, Logger logger) {
        return server(setup, mails, logger, (message, returnPath, recipient) -> Optional.empty());
    }

    /**
     * The same server, which also hands every e-mail with its envelope sender and each recipient to
     * {@code reports}, and keeps the report that comes back, if any, beside the e-mail.
     */
    static GreenMail server(ServerSetup setup, NewestMails mails, Logger logger, Reports reports) {
        GreenMail server = new GreenMail(setup);
        server.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            try {
                mails.add(CapturedMail.of(message.getMessage()));
                if (TestDomainReports.isReported(recipient.getEmail())) {
                    String returnPath = message.getReturnPath() == null
                            ? null
                            : message.getReturnPath().getEmail();
                    Optional<MimeMessage> report =
                            reports.returnToSender(message.getMessage(), returnPath, recipient.getEmail());
                    if (report.isPresent()) {
                        mails.add(CapturedMail.of(report.get()));
                    }
                }
            } catch (MessagingException | IOException e) {
                logger.log(Level.WARNING, "An e-mail to the development mailbox could not be read", e);
            }
            return KEPT_ELSEWHERE;
        });
        return server;
    }

    /**
     * Sends the report on an e-mail received for {@code recipient} back to its envelope sender
     * {@code returnPath}, when the recipient is at a test domain: the bounce path reads and records
     * it ({@link ReturnedReport}). Answers the report, to be shown where the e-mail is.
     */
    public Optional<MimeMessage> returnToSender(MimeMessage received, String returnPath, String recipient) {
        try {
            Optional<MimeMessage> report = TestDomainReports.reportOn(received, returnPath, recipient);
            if (report.isPresent()) {
                returned.fire(new ReturnedReport(TestDomainReports.bytesOf(report.get()), recipient));
            }
            return report;
        } catch (MessagingException | IOException | RuntimeException e) {
            logger.log(Level.WARNING, "No report could be made on an e-mail to " + recipient, e);
            return Optional.empty();
        }
    }

    /** What comes back for an e-mail to a reserved test domain. */
    @FunctionalInterface
    interface Reports {
        Optional<MimeMessage> returnToSender(MimeMessage received, String returnPath, String recipient);
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public boolean isActive() {
        return settings.development();
    }

    /** How many e-mails are kept, at most {@link #KEPT}. */
    public int kept() {
        return mails.kept();
    }

    /** How many older e-mails were dropped to keep the newest {@link #KEPT}. */
    public long dropped() {
        return mails.dropped();
    }

    /** A page of the kept e-mails, newest first. */
    public List<CapturedMail> page(int first, int size) {
        return mails.page(first, size);
    }

    /** The recipient GreenMail delivers to once the mailbox has kept the e-mail: it stores nothing. */
    private static final GreenMailUser KEPT_ELSEWHERE = new GreenMailUser() {
        @Override
        public String getEmail() {
            return "dev-mailbox@localhost";
        }

        @Override
        public String getLogin() {
            return getEmail();
        }

        @Override
        public void deliver(MovingMessage message) {
            // kept by the mailbox already
        }

        @Override
        public void deliver(MimeMessage message) {
            // kept by the mailbox already
        }

        @Override
        public void create() {
            // nothing to create
        }

        @Override
        public void delete() {
            // nothing to delete
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            // no login to this mailbox
        }

        @Override
        public void authenticate(String password) {
            // no login to this mailbox
        }

        @Override
        public String getQualifiedMailboxName() {
            return getEmail();
        }
    };
}
