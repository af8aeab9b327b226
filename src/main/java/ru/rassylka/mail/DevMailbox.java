package ru.rassylka.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In development mode (no {@code SMTP_HOST}) an SMTP server on the loopback interface that keeps
 * every e-mail in memory, so that a person can read them at {@code /dev/mailbox}.
 */
@Singleton
@Startup
@Named
@Lock(LockType.READ)
public class DevMailbox {

    @Inject
    private MailSettings settings;

    @Inject
    private Logger logger;

    private GreenMail server;

    @PostConstruct
    void start() {
        if (!settings.development()) {
            return;
        }
        try {
            server = new GreenMail(new ServerSetup(settings.developmentPort(), MailSettings.LOOPBACK, ServerSetup.PROTOCOL_SMTP));
            server.start();
            logger.warning(() -> "DEVELOPMENT MODE: e-mails are not delivered; read them at /dev/mailbox (SMTP "
                    + settings.describe() + ")");
        } catch (RuntimeException e) {
            server = null;
            logger.log(Level.SEVERE, "The development mailbox could not start on port " + settings.developmentPort(), e);
        }
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

    /** How many e-mails the page shows: a run to thousands of recipients would make it unreadable and slow. */
    public static final int SHOWN = 100;

    /** How many e-mails were received. */
    public int count() {
        return server == null ? 0 : server.getReceivedMessages().length;
    }

    /** The newest {@link #SHOWN} received e-mails, newest first. */
    public List<CapturedMail> messages() {
        if (server == null) {
            return List.of();
        }
        MimeMessage[] received = server.getReceivedMessages();
        List<CapturedMail> mails = new ArrayList<>(Math.min(SHOWN, received.length));
        for (int i = received.length - 1; i >= Math.max(0, received.length - SHOWN); i--) {
            try {
                mails.add(CapturedMail.of(i + 1, received[i]));
            } catch (MessagingException | IOException e) {
                logger.log(Level.WARNING, "An e-mail in the development mailbox could not be read", e);
            }
        }
        return mails;
    }
}
