package ru.rassylka.delivery.bounce;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ru.rassylka.mail.ReturnedReport;
import ru.rassylka.mail.TestDomainReports;
import ru.rassylka.platform.persistence.Migrations;

/**
 * The other side of the development mailbox: an e-mail it receives for an address at a reserved
 * test domain ({@link TestDomainReports}) comes back as a report, which goes the way a report read
 * from the bounce mailbox goes, through {@link BounceReader} and {@link Bounces#record}.
 *
 * <p>The mailbox receives an e-mail while the sending engine still waits for the server's reply,
 * so the delivery is not yet recorded as sent: the report is read on another thread, and waits,
 * {@link #WAIT_STEP} at a time for at most {@link #PATIENCE}, until its delivery's outcome is
 * recorded; a report recorded earlier would be undone by the engine's outcome.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TestDomainBounces {

    static final Duration WAIT_STEP = Duration.ofMillis(250);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Set<String> FINAL_STATES = Set.of("SENT", "FAILED", "SKIPPED");
    private static final BounceReader READER = new BounceReader();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Bounces bounces;

    @Inject
    private ReturnPaths returnPaths;

    @Inject
    private Logger logger;

    /** A report the development mailbox sent back: read and recorded on another thread. */
    public void onReturned(@Observes ReturnedReport report) {
        scheduler.execute(() -> deliver(report.raw(), 0));
    }

    /** Reads the report and records it once its delivery's outcome is; till then it tries again a little later. */
    private void deliver(byte[] raw, int waited) {
        try {
            BounceReport report = READER.read(raw);
            OptionalLong delivery = report.returnPathToken() == null
                    ? OptionalLong.empty()
                    : returnPaths.deliveryIdOf(report.returnPathToken());
            if (delivery.isPresent()
                    && !outcomeRecorded(delivery.getAsLong())
                    && WAIT_STEP.multipliedBy(waited + 1L).compareTo(PATIENCE) <= 0) {
                scheduler.schedule(() -> deliver(raw, waited + 1), WAIT_STEP.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            BounceOutcome outcome = bounces.record(report);
            logger.info(() -> "A " + report.kind() + " report from the development mailbox on the e-mail to "
                    + report.recipient() + ": " + outcome);
        } catch (MessagingException | IOException | RuntimeException e) {
            logger.log(Level.WARNING, "A report of the development mailbox could not be recorded", e);
        }
    }

    /** Whether the delivery is sent, failed or skipped, or does not exist (nothing to wait for). */
    private boolean outcomeRecorded(long deliveryId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select state from delivery where id = ?")) {
            select.setLong(1, deliveryId);
            try (ResultSet rows = select.executeQuery()) {
                return !rows.next() || FINAL_STATES.contains(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The state of delivery " + deliveryId + " could not be read", e);
        }
    }
}
