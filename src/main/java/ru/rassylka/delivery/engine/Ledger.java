package ru.rassylka.delivery.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.MailingSending;
import ru.rassylka.delivery.Runs;
import ru.rassylka.delivery.SkipReason;
import ru.rassylka.platform.persistence.Migrations;

/**
 * The engine's reads and writes of deliveries in plain JDBC: claiming with
 * {@code FOR UPDATE SKIP LOCKED}, and results in batches. Each method is one short transaction;
 * no SMTP conversation ever happens inside one.
 */
@Stateless
@PermitAll
public class Ledger {

    /** Runs that may send now: unfinished, the mailing neither paused, disabled nor deleted, the owner not blocked. */
    private static final String SENDABLE_RUNS = "select r.id from mailing_run r join mailing m on m.id = r.mailing_id"
            + " join app_user u on u.id = r.owner_id where r.finished_at is null and m.paused_at is null"
            + " and m.disabled_at is null and m.deleted_at is null and u.blocked_at is null order by r.id";
    private static final String CLAIM = "select id, email, full_name, attempts from delivery"
            + " where run_id = ? and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked";
    private static final String NEXT_CLAIM = "select nextval('delivery_claim_seq')";
    private static final String MARK_SENDING = "update delivery set state = 'SENDING', claimed_by = ?, claim_id = ?, next_attempt_at = ?"
            + " where id = any(?)";
    private static final String MARK_STARTED = "update mailing_run set started_at = ? where id = ? and started_at is null";
    /** Held: still SENDING under this instance and one of its claims; another claim's or a stopped delivery is not touched. */
    private static final String HELD = " and state = 'SENDING' and claimed_by = ? and claim_id = ?";
    // claimed_by and claim_id stay: who handled the delivery last
    private static final String RECORD = "update delivery set state = ?, attempts = ?, next_attempt_at = ?,"
            + " last_code = coalesce(?, last_code), last_reply = coalesce(?, last_reply), finished_at = ?, reason = ? where id = ?" + HELD;
    private static final String RENEW = "update delivery set next_attempt_at = ? where id = any(?) and state = 'SENDING'"
            + " and claimed_by = ? and claim_id = any(?)";
    private static final String HOLDERS = "select id, claim_id from delivery where id = any(?) and state = 'SENDING' and claimed_by = ?";
    private static final String ATTEMPT = "insert into delivery_attempt (id, delivery_id, run_id, attempted_at, outcome, smtp_code,"
            + " reply, duration_ms) values (nextval('delivery_attempt_seq'), ?, ?, ?, ?, ?, ?, ?)";
    private static final String COUNT = "update mailing_run set sent = sent + ?, failed = failed + ? where id = ?";
    /** Whether any delivery of the run is left to try: the first one found answers it, however many wait. */
    public static final String LEFT = "select 1 from delivery where run_id = ? and next_attempt_at is not null limit 1";
    /** Deliveries not yet final and held by no live instance: due or later, or SENDING under a lease that ended (parameter: now). */
    private static final String WAITING = "(state in ('PENDING', 'RETRY') or state = 'SENDING' and next_attempt_at <= ?)";
    private static final String FINISH = "update mailing_run set finished_at = ? where id = ? and finished_at is null";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Logger logger;

    public List<Long> sendableRuns() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SENDABLE_RUNS);
                ResultSet rows = select.executeQuery()) {
            List<Long> runs = new ArrayList<>();
            while (rows.next()) {
                runs.add(rows.getLong(1));
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("Runs to send could not be read", e);
        }
    }

    /**
     * Takes up to {@code limit} due deliveries of the run (skipping rows others hold) and leases them
     * to the instance under a new claim id until {@code leaseUntil}.
     */
    public Claim claim(long runId, String instance, int limit, Instant now, Instant leaseUntil) {
        try (Connection connection = dataSource.getConnection()) {
            List<Claimed> due = new ArrayList<>(limit);
            try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
                select.setLong(1, runId);
                select.setTimestamp(2, Timestamp.from(now));
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Claimed(rows.getLong(1), runId, rows.getString(2), rows.getString(3), rows.getInt(4), 0));
                    }
                }
            }
            if (due.isEmpty()) {
                return new Claim(0, List.of(), leaseUntil);
            }
            long claim;
            try (PreparedStatement next = connection.prepareStatement(NEXT_CLAIM);
                    ResultSet id = next.executeQuery()) {
                id.next();
                claim = id.getLong(1);
            }
            List<Claimed> claimed = due.stream().map(delivery -> delivery.under(claim)).toList();
            try (PreparedStatement mark = connection.prepareStatement(MARK_SENDING);
                    PreparedStatement started = connection.prepareStatement(MARK_STARTED)) {
                Array ids = connection.createArrayOf("bigint", claimed.stream().map(Claimed::id).toArray());
                mark.setString(1, instance);
                mark.setLong(2, claim);
                mark.setTimestamp(3, Timestamp.from(leaseUntil));
                mark.setArray(4, ids);
                mark.executeUpdate();
                started.setTimestamp(1, Timestamp.from(now));
                started.setLong(2, runId);
                started.executeUpdate();
            }
            return new Claim(claim, claimed, leaseUntil);
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries of run " + runId + " could not be claimed", e);
        }
    }

    /**
     * Extends the lease of the given claims' deliveries that the instance still holds to
     * {@code leaseUntil}, and answers which those are: delivery id → the claim holding it. A
     * delivery missing from the answer was taken by another claim after a lease ended, was
     * stopped, or has its outcome written.
     */
    public Map<Long, Long> renew(String instance, List<Claim> claims, Instant leaseUntil) {
        Map<Long, Long> holders = new HashMap<>();
        if (claims.isEmpty()) {
            return holders;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement renew = connection.prepareStatement(RENEW);
                PreparedStatement select = connection.prepareStatement(HOLDERS)) {
            Array ids = connection.createArrayOf("bigint", claims.stream().flatMap(claim -> claim.deliveries().stream()).map(Claimed::id).toArray());
            renew.setTimestamp(1, Timestamp.from(leaseUntil));
            renew.setArray(2, ids);
            renew.setString(3, instance);
            renew.setArray(4, connection.createArrayOf("bigint", claims.stream().map(Claim::id).toArray()));
            renew.executeUpdate();
            select.setArray(1, ids);
            select.setString(2, instance);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    holders.put(rows.getLong(1), rows.getLong(2));
                }
            }
            return holders;
        } catch (SQLException e) {
            throw new IllegalStateException("Leases of " + claims.size() + " claims could not be renewed", e);
        }
    }

    /**
     * Gives back the deliveries an earlier run of this instance (same name) left SENDING when it
     * stopped without recording them, e.g. killed: nobody waits for their lease to end. They are
     * due from a second before their run's instant, so the next claims of the run take them before
     * the rest (which is due from that instant on). Only a start may call it, before the instance
     * claims anything.
     *
     * @return how many were given back
     */
    public int releaseLeftBy(String instance) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement("update delivery set state = case when attempts > 0"
                        + " then 'RETRY' else 'PENDING' end, next_attempt_at = (select r.scheduled_at - interval '1' second"
                        + " from mailing_run r where r.id = delivery.run_id) where claimed_by = ? and state = 'SENDING' and next_attempt_at is not null"
                        + " and run_id in (select id from mailing_run where finished_at is null)")) {
            release.setString(1, instance);
            return release.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries left by an earlier run of " + instance + " could not be given back", e);
        }
    }

    /**
     * Writes attempts and their deliveries' new states, and the runs' counters, in one batch. A
     * delivery's state changes only while the instance still holds it under the outcome's claim.
     */
    public void record(String instance, List<SendResult> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<Long, int[]> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(RECORD);
                PreparedStatement insert = connection.prepareStatement(ATTEMPT);
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            boolean anyAttempt = false;
            for (SendResult outcome : outcomes) {
                DeliveryState state = outcome.state();
                Verdict verdict = outcome.verdict();
                update.setString(1, state.name());
                update.setInt(2, outcome.attempts());
                setInstant(update, 3, state.isFinal() ? null : outcome.next());
                setCode(update, 4, verdict);
                update.setString(5, verdict == null ? null : verdict.reply());
                setInstant(update, 6, state.isFinal() ? outcome.at().plusMillis(outcome.durationMillis()) : null);
                update.setString(7, verdict == null || verdict.reason() == null ? null : verdict.reason().name());
                update.setLong(8, outcome.delivery().id());
                update.setString(9, instance);
                update.setLong(10, outcome.delivery().claim());
                update.addBatch();
                if (verdict != null) {
                    anyAttempt = true;
                    insert.setLong(1, outcome.delivery().id());
                    insert.setLong(2, outcome.delivery().runId());
                    insert.setTimestamp(3, Timestamp.from(outcome.at()));
                    insert.setString(4, verdict.outcome().name());
                    setCode(insert, 5, verdict);
                    insert.setString(6, verdict.reply());
                    insert.setInt(7, outcome.durationMillis());
                    insert.addBatch();
                }
            }
            int[] changed = update.executeBatch();
            for (int i = 0; i < outcomes.size(); i++) {
                // a delivery no longer held was taken over meanwhile (skipped as its run stopped, or claimed again): counted there
                if (changed[i] == 0) {
                    continue;
                }
                DeliveryState state = outcomes.get(i).state();
                int[] runCounts = counts.computeIfAbsent(outcomes.get(i).delivery().runId(), run -> new int[2]);
                if (state == DeliveryState.SENT) {
                    runCounts[0]++;
                } else if (state == DeliveryState.FAILED) {
                    runCounts[1]++;
                }
            }
            if (anyAttempt) {
                insert.executeBatch();
                AttemptTally.write(connection, outcomes);
            }
            for (Map.Entry<Long, int[]> run : counts.entrySet()) {
                if (run.getValue()[0] + run.getValue()[1] > 0) {
                    count.setInt(1, run.getValue()[0]);
                    count.setInt(2, run.getValue()[1]);
                    count.setLong(3, run.getKey());
                    count.addBatch();
                }
            }
            count.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Results of " + outcomes.size() + " deliveries could not be written", e);
        }
    }

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
                double seconds = Math.max(0.001, (now.toEpochMilli() - run.getTimestamp(6).getTime()) / 1000.0);
                String line = String.format(Locale.ROOT,
                        "Run %d of mailing %d finished: %d recipients, %d sent, %d failed, %d skipped in %.1f s (%.0f msg/s)",
                        runId, run.getLong(1), run.getInt(2), run.getInt(3), run.getInt(4), run.getInt(5), seconds,
                        (run.getInt(3) + run.getInt(4)) / seconds);
                logger.info(line);
            }
        }
    }

    /**
     * Skips the deliveries still waiting in unfinished runs of deleted or disabled mailings and of
     * blocked owners, with the reason; also those an instance that died had claimed (their lease
     * ended), since no instance claims a stopped run's deliveries again and the run would never end.
     *
     * @return the runs that were stopped
     */
    public List<Long> skipStopped(Instant now) {
        String open = "select r.id, case when u.blocked_at is not null then 'OWNER_BLOCKED' when m.deleted_at is not null"
                + " then 'MAILING_DELETED' else 'MAILING_DISABLED' end from mailing_run r join mailing m on m.id = r.mailing_id"
                + " join app_user u on u.id = r.owner_id where r.finished_at is null"
                + " and (u.blocked_at is not null or m.deleted_at is not null or m.disabled_at is not null)";
        List<Long> stopped = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(open);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long runId = rows.getLong(1);
                skipWaiting(connection, runId, null, SkipReason.valueOf(rows.getString(2)), now);
                stopped.add(runId);
            }
            return stopped;
        } catch (SQLException e) {
            throw new IllegalStateException("Stopped runs could not be skipped", e);
        }
    }

    /** Skips what still waits for the client in unfinished runs: it has just unsubscribed. */
    public void skipClient(long clientId, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select distinct run_id from delivery where client_id = ? and " + WAITING)) {
                select.setLong(1, clientId);
                select.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(rows.getLong(1));
                    }
                }
            }
            for (long runId : runs) {
                skipWaiting(connection, runId, clientId, SkipReason.UNSUBSCRIBED, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries to client " + clientId + " could not be skipped", e);
        }
    }

    /**
     * Skips the run's deliveries that wait (of one client, or all when {@code clientId} is null),
     * and adds to the run's counter the rows this update changed: an instance that stops the same
     * run at the same time finds them skipped and adds nothing.
     */
    private static void skipWaiting(Connection connection, long runId, Long clientId, SkipReason reason, Instant now)
            throws SQLException {
        String skip = "update delivery set state = 'SKIPPED', reason = ?, next_attempt_at = null, finished_at = ? where run_id = ?"
                + (clientId == null ? "" : " and client_id = ?") + " and " + WAITING;
        int skipped;
        try (PreparedStatement update = connection.prepareStatement(skip)) {
            update.setString(1, reason.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, runId);
            int next = 4;
            if (clientId != null) {
                update.setLong(next++, clientId);
            }
            update.setTimestamp(next, Timestamp.from(now));
            skipped = update.executeUpdate();
        }
        if (skipped == 0) {
            return;
        }
        try (PreparedStatement count = connection.prepareStatement("update mailing_run set skipped = skipped + ? where id = ?")) {
            count.setInt(1, skipped);
            count.setLong(2, runId);
            count.executeUpdate();
        }
    }

    /** Deliveries this and every other instance still have to finish, over the unfinished runs. */
    public long waiting() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select coalesce(sum(total - sent - failed - skipped), 0) from mailing_run where finished_at is null");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Waiting deliveries could not be counted", e);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static void setCode(PreparedStatement statement, int index, Verdict verdict) throws SQLException {
        if (verdict == null || verdict.code() == 0) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, verdict.code());
        }
    }
}
