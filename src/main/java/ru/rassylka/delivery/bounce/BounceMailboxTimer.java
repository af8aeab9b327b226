package ru.rassylka.delivery.bounce;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.rassylka.platform.web.ThrottledLog;

/**
 * Reads the bounce mailbox when {@code BOUNCE_HOST} is set: every {@code BOUNCE_POLL_SECONDS},
 * and after failures in a row twice as long each time up to half an hour; a failure is logged
 * once per ten minutes with the count of the others.
 *
 * <p>The timers are not persistent on purpose: the mailbox itself keeps what is left to read, so a
 * timer lost with its instance loses nothing, and each start schedules the first reading again.
 * Instances reading one mailbox at once record a report once ({@link Bounces#record} knows a
 * report it already has for the delivery).
 */
@Singleton
@Startup
@DependsOn("ReturnPaths")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceMailboxTimer {

    private static final BounceReader READER = new BounceReader();

    @Resource
    private TimerService timers;

    @Inject
    private Bounces bounces;

    @Inject
    private ReturnPaths returnPaths;

    @Inject
    private Logger logger;

    private final ThrottledLog failures = new ThrottledLog(Duration.ofMinutes(10), InstantSource.system());
    private Optional<BounceMailboxSettings> settings = Optional.empty();
    private BounceMailboxReader mailbox;
    private int failuresInARow;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        try {
            settings = BounceMailboxSettings.of(name -> config.getOptionalValue(name, String.class));
        } catch (IllegalArgumentException e) {
            logger.severe(() -> "The bounce mailbox is not read: " + e.getMessage());
            return;
        }
        if (settings.isEmpty()) {
            logger.info("BOUNCE_HOST is not set: no bounce mailbox is read");
            return;
        }
        if (returnPaths.domain().isEmpty()) {
            logger.warning(
                    "The bounce mailbox is read, but BOUNCE_DOMAIN is not set: the e-mails' return paths do not lead to it and no report will name its delivery");
        }
        mailbox = new BounceMailboxReader(settings.get(), BounceMailboxTimer::report, bounces::record);
        logger.info(() -> "The bounce mailbox " + settings.get().describe() + " is read every "
                + settings.get().every().toSeconds() + " s");
        schedule(settings.get().every());
    }

    @Timeout
    void read() {
        try {
            BounceMailboxReader.Reading reading = mailbox.readAll();
            failuresInARow = 0;
            if (reading.read() > 0) {
                logger.info(() ->
                        "Bounce mailbox: " + reading.read() + " messages, " + reading.recorded() + " reports recorded, "
                                + reading.ignored() + " ignored, " + reading.left() + " left for the next reading");
            }
        } catch (MessagingException | RuntimeException e) {
            failuresInARow++;
            failures.line(
                            "bounce-mailbox",
                            "The bounce mailbox " + settings.get().describe() + " could not be read ("
                                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); next try in "
                                    + settings.get().delayAfter(failuresInARow).toSeconds() + " s")
                    .ifPresent(logger::warning);
        }
        schedule(settings.get().delayAfter(failuresInARow));
    }

    /** The report a message holds; one that cannot be read stays in the mailbox for a person to look at. */
    private static BounceReport report(MimeMessage message) {
        try {
            return READER.read(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The message cannot be read: " + e.getMessage(), e);
        }
    }

    private void schedule(Duration delay) {
        timers.createSingleActionTimer(delay.toMillis(), new TimerConfig(null, false));
    }
}
