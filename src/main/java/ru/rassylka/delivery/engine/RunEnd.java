package ru.rassylka.delivery.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ru.rassylka.client.suppression.AddressSuppressed;
import ru.rassylka.delivery.MailingSending;
import ru.rassylka.delivery.SkipReason;
import ru.rassylka.platform.persistence.Migrations;

/**
 * How runs end, in plain JDBC: a run is finished once none of its deliveries is left to try, and the
 * deliveries that wait in a stopped run (mailing deleted or disabled, owner blocked), for a client who
 * unsubscribed or for an address just suppressed are skipped with the reason (also those held by no live
 * instance), all by one method that counts them in their runs. Each method is one short transaction,
 * or joins the caller's.
 */
@Stateless
@PermitAll
public class RunEnd {

    /** Whether any delivery of the run is left to try: the first one found answers it, however many wait. */
    public static final String LEFT = "select 1 from delivery where run_id = ? and next_attempt_at is not null limit 1";
    /** Deliveries not yet final and held by no live instance: due or later, or SENDING under a lease that ended (parameter: now). */
    private static final String WAITING =
            "(state in ('PENDING', 'RETRY') or state = 'SENDING' and next_attempt_at <= ?)";
    /**
     * {@link #WAITING} but those whose e-mail a dead holder had handed to the mail server: the next
     * claim of their open run records them sent, as the server may have them.
     */
    private static final String WAITING_UNHANDED = "(state in ('PENDING', 'RETRY') or state = 'SENDING'"
            + " and next_attempt_at <= ? and not " + Handovers.handedUnder("d") + ")";

    private static final String FINISH = "update mailing_run set finished_at = ? where id = ? and finished_at is null";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Logger logger;

    /**
     * Marks the run finished when none of its deliveries is left to try.
     *
     * @return whether this call finished it (only one caller does)
     */
    public boolean finishIfDone(long runId, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement left = connection.prepareStatement(LEFT)) {
            left.setLong(1, runId);
            try (ResultSet rows = left.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
            try (PreparedStatement finish = connection.prepareStatement(FINISH)) {
                finish.setTimestamp(1, Timestamp.from(now));
                finish.setLong(2, runId);
                if (finish.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement sending = connection.prepareStatement(MailingSending.UPDATE)) {
                sending.setLong(1, runId);
                sending.executeUpdate();
            }
            logFinished(connection, runId, now);
            AttemptTally.merge(connection, runId);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Run " + runId + " could not be checked", e);
        }
    }

    private void logFinished(Connection connection, long runId, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select mailing_id, total, sent, failed, skipped, coalesce(started_at, created_at) from mailing_run where id = ?")) {
            select.setLong(1, runId);
            try (ResultSet run = select.executeQuery()) {
                run.next();
                double seconds = Math.max(
                        0.001, (now.toEpochMilli() - run.getTimestamp(6).getTime()) / 1000.0);
                String line = String.format(
                        Locale.ROOT,
                        "Run %d of mailing %d finished: %d recipients, %d sent, %d failed, %d skipped in %.1f s (%.0f msg/s)",
                        runId,
                        run.getLong(1),
                        run.getInt(2),
                        run.getInt(3),
                        run.getInt(4),
                        run.getInt(5),
                        seconds,
                        (run.getInt(3) + run.getInt(4)) / seconds);
                logger.info(line);
            }
        }
    }

    /**
     * Skips the deliveries still waiting in unfinished runs of deleted or disabled mailings and of
     * blocked owners, with the reason; also those an instance that died had claimed (their lease
     * ended), since no instance claims a stopped run's deliveries again and the run would never end;
     * among them one whose e-mail it had handed to the mail server, skipped too (not sent again, though
     * the server may have it).
     *
     * @return the runs that were stopped
     */
    public List<Long> skipStopped(Instant now) {
        String open =
                "select r.id, case when u.blocked_at is not null then 'OWNER_BLOCKED' when m.deleted_at is not null"
                        + " then 'MAILING_DELETED' else 'MAILING_DISABLED' end from mailing_run r join mailing m on m.id = r.mailing_id"
                        + " join app_user u on u.id = r.owner_id where r.finished_at is null"
                        + " and (u.blocked_at is not null or m.deleted_at is not null or m.disabled_at is not null)";
        List<Long> stopped = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(open);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long runId = rows.getLong(1);
                skip(
                        connection,
                        "d.run_id = ? and " + WAITING,
                        SkipReason.valueOf(rows.getString(2)),
                        now,
                        runId,
                        Timestamp.from(now));
                stopped.add(runId);
            }
            return stopped;
        } catch (SQLException e) {
            throw new IllegalStateException("Stopped runs could not be skipped", e);
        }
    }

    /**
     * Skips what still waits for the client in unfinished runs: it has just unsubscribed. A delivery
     * whose e-mail a dead holder had handed to the mail server is left to be recorded sent.
     */
    public void skipClient(long clientId, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            skip(
                    connection,
                    "d.client_id = ? and " + WAITING_UNHANDED,
                    SkipReason.UNSUBSCRIBED,
                    now,
                    clientId,
                    Timestamp.from(now));
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries to client " + clientId + " could not be skipped", e);
        }
    }

    /**
     * Skips what still waits for a newly suppressed address (either way its domain is written) in its
     * owner's unfinished runs, in the transaction that suppressed it; also a delivery whose lease ended,
     * which any instance could claim and send again. One being sent under a live lease is left to its
     * holder, whose outcome is recorded, and one whose e-mail a dead holder had handed to the mail
     * server to the next claim, which records it sent.
     */
    public void skipSuppressed(@Observes AddressSuppressed suppressed) {
        try (Connection connection = dataSource.getConnection()) {
            skip(
                    connection,
                    "d.run_id in (select id from mailing_run where owner_id = ? and finished_at is null)"
                            + " and d.email in (?, ?) and " + WAITING_UNHANDED,
                    SkipReason.valueOf(suppressed.reason().name()),
                    suppressed.at(),
                    suppressed.ownerId(),
                    suppressed.address().ascii(),
                    suppressed.address().unicode(),
                    Timestamp.from(suppressed.at()));
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries to a suppressed address could not be skipped", e);
        }
    }

    /**
     * Skips the deliveries {@code which} names (a condition on {@code d}, the delivery, with its
     * {@code parameters}), run by run, and adds to each run's counter the rows its update changed: an
     * instance that skips the same deliveries at the same time finds them skipped and adds nothing.
     * Plain statements, which the embedded database runs too.
     */
    private static void skip(Connection connection, String which, SkipReason reason, Instant now, Object... parameters)
            throws SQLException {
        List<Long> runs = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement("select distinct d.run_id from delivery d where " + which)) {
            set(select, 1, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(rows.getLong(1));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                        "update delivery d set state = 'SKIPPED', reason = ?, next_attempt_at = null, finished_at = ?"
                                + " where d.run_id = ? and " + which);
                PreparedStatement count =
                        connection.prepareStatement("update mailing_run set skipped = skipped + ? where id = ?")) {
            for (long runId : runs) {
                update.setString(1, reason.name());
                update.setTimestamp(2, Timestamp.from(now));
                update.setLong(3, runId);
                set(update, 4, parameters);
                int skipped = update.executeUpdate();
                if (skipped > 0) {
                    count.setInt(1, skipped);
                    count.setLong(2, runId);
                    count.executeUpdate();
                }
            }
        }
    }

    private static void set(PreparedStatement statement, int from, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(from + i, parameters[i]);
        }
    }
}
