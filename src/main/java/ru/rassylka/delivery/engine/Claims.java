package ru.rassylka.delivery.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import ru.rassylka.platform.persistence.Databases;
import ru.rassylka.platform.persistence.Migrations;

/**
 * The engine's claims on deliveries, in plain JDBC: which runs may send, taking due deliveries with
 * {@code FOR UPDATE SKIP LOCKED} under a lease, renewing the leases still held, and giving back what an
 * earlier run of the instance left. Each method is one short transaction; no SMTP conversation ever
 * happens inside one.
 */
@Stateless
@PermitAll
public class Claims {

    /** Runs that may send now: unfinished, the mailing neither paused, disabled nor deleted, the owner not blocked. */
    private static final String SENDABLE_RUNS = "select r.id from mailing_run r join mailing m on m.id = r.mailing_id"
            + " join app_user u on u.id = r.owner_id where r.finished_at is null and m.paused_at is null"
            + " and m.disabled_at is null and m.deleted_at is null and u.blocked_at is null order by r.id";

    // kept a statement of its own: with a parameter for the run and the instant, the plan reads the due index in order
    // and stops at the limit, whatever the statistics say of a run just written
    // and who handed its e-mail to the mail server under the claim it was left SENDING by, if anyone did
    private static final String CLAIM = "select id, email, full_name, attempts,"
            + " case when state = 'SENDING' and " + Handovers.handedUnder("delivery") + " then claimed_by end"
            + " from delivery where run_id = ? and next_attempt_at <= ? order by next_attempt_at limit ?"
            + " for update skip locked";
    // the claim id and the run's start (by its first claim) in the same statement as the lease
    private static final String MARK_SENDING = "with claim as (select nextval('delivery_claim_seq') as id),"
            + " started as (update mailing_run set started_at = ? where id = ? and started_at is null)"
            + " update delivery set state = 'SENDING',"
            + " claimed_by = ?, claim_id = (select id from claim), next_attempt_at = ? where id = any(?)"
            + " returning claim_id";
    // the same on the embedded database (H2), which changes no data inside a with: three statements
    private static final String NEXT_CLAIM = "select nextval('delivery_claim_seq')";
    private static final String MARK_SENDING_EMBEDDED = "update delivery set state = 'SENDING', claimed_by = ?,"
            + " claim_id = ?, next_attempt_at = ? where id = any(?)";
    /** A delivery handed over under the claim it was SENDING by keeps its mark under the new claim. */
    private static final String HANDED_STAYS = "update delivery_handover set claim_id = ? where delivery_id = any(?)";

    private static final String MARK_STARTED =
            "update mailing_run set started_at = ? where id = ? and started_at is null";

    private static final String RENEW_EMBEDDED =
            "update delivery set next_attempt_at = ? where id = any(?) and state = 'SENDING'"
                    + " and claimed_by = ? and claim_id = any(?)";
    // a delivery whose row another transaction holds is left alone: the engine's writer, which locks the rows of
    // its outcomes in another order, would otherwise wait for this statement while it waits for the writer (a
    // deadlock PostgreSQL ends after a second, failing one of the two); that delivery has been sent and gets its
    // outcome, or its lease is renewed by the next heartbeat, a third of a lease later
    private static final String RENEW = "update delivery set next_attempt_at = ? where id in (select id from delivery"
            + " where id = any(?) and state = 'SENDING' and claimed_by = ? and claim_id = any(?)"
            + " for update skip locked)";
    private static final String HOLDERS =
            "select id, claim_id from delivery where id = any(?) and state = 'SENDING' and claimed_by = ?";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one statement
    public List<Long> sendableRuns() {
        return sendableRuns(dataSource);
    }

    /** {@link #sendableRuns()} without the container, for the workers, which read them every few claims. */
    static List<Long> sendableRuns(DataSource dataSource) {
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
            return claim(connection, runId, instance, limit, now, leaseUntil);
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries of run " + runId + " could not be claimed", e);
        }
    }

    /**
     * {@link #claim} without the container: on a connection in auto-commit (the engine's workers, for
     * every claim, where the call through the bean and its transaction cost more than the statements)
     * in a transaction of its own; on one in the container's transaction, in that one.
     */
    static Claim claim(Connection connection, long runId, String instance, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        boolean own = connection.getAutoCommit();
        if (own) {
            connection.setAutoCommit(false);
        }
        try {
            Claim claim = claimIn(connection, runId, instance, limit, now, leaseUntil);
            if (own) {
                connection.commit();
            }
            return claim;
        } catch (SQLException | RuntimeException e) {
            if (own) {
                connection.rollback();
            }
            throw e;
        } finally {
            if (own) {
                connection.setAutoCommit(true);
            }
        }
    }

    private static Claim claimIn(
            Connection connection, long runId, String instance, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        List<Claimed> due = new ArrayList<>(limit);
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setLong(1, runId);
            select.setTimestamp(2, Timestamp.from(now));
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Claimed(
                            rows.getLong(1),
                            runId,
                            rows.getString(2),
                            rows.getString(3),
                            rows.getInt(4),
                            0,
                            rows.getString(5)));
                }
            }
        }
        if (due.isEmpty()) {
            return new Claim(0, List.of(), leaseUntil);
        }
        long[] ids = due.stream().mapToLong(Claimed::id).toArray();
        boolean postgresql = Databases.isPostgresql(connection);
        long claim = postgresql
                ? lease(connection, runId, instance, ids, now, leaseUntil)
                : leaseEmbedded(connection, runId, instance, ids, now, leaseUntil);
        long[] handed =
                due.stream().filter(Claimed::handedOver).mapToLong(Claimed::id).toArray();
        if (handed.length > 0) {
            try (PreparedStatement stays = connection.prepareStatement(HANDED_STAYS)) {
                stays.setLong(1, claim);
                stays.setArray(2, bigints(connection, postgresql, handed));
                stays.executeUpdate();
            }
        }
        return new Claim(
                claim, due.stream().map(delivery -> delivery.under(claim)).toList(), leaseUntil);
    }

    /** Leases the deliveries under a new claim id and marks the run started by its first claim; answers the claim id. */
    private static long lease(
            Connection connection, long runId, String instance, long[] ids, Instant now, Instant leaseUntil)
            throws SQLException {
        long claim;
        try (PreparedStatement mark = connection.prepareStatement(MARK_SENDING)) {
            mark.setTimestamp(1, Timestamp.from(now));
            mark.setLong(2, runId);
            mark.setString(3, instance);
            mark.setTimestamp(4, Timestamp.from(leaseUntil));
            mark.setArray(5, bigints(connection, true, ids));
            try (ResultSet rows = mark.executeQuery()) {
                rows.next();
                claim = rows.getLong(1);
            }
        }
        return claim;
    }

    /** {@link #lease} in the claim's transaction on the embedded database. */
    private static long leaseEmbedded(
            Connection connection, long runId, String instance, long[] ids, Instant now, Instant leaseUntil)
            throws SQLException {
        long claim;
        try (PreparedStatement next = connection.prepareStatement(NEXT_CLAIM);
                ResultSet id = next.executeQuery()) {
            id.next();
            claim = id.getLong(1);
        }
        try (PreparedStatement mark = connection.prepareStatement(MARK_SENDING_EMBEDDED);
                PreparedStatement started = connection.prepareStatement(MARK_STARTED)) {
            mark.setString(1, instance);
            mark.setLong(2, claim);
            mark.setTimestamp(3, Timestamp.from(leaseUntil));
            mark.setArray(4, bigints(connection, false, ids));
            mark.executeUpdate();
            started.setTimestamp(1, Timestamp.from(now));
            started.setLong(2, runId);
            started.executeUpdate();
        }
        return claim;
    }

    /** The ids as an SQL array: PostgreSQL's driver sends primitive ones in binary; H2 takes them boxed. */
    private static Array bigints(Connection connection, boolean postgresql, long[] ids) throws SQLException {
        return postgresql
                ? connection.unwrap(PGConnection.class).createArrayOf("int8", ids)
                : connection.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray());
    }

    /**
     * Extends the lease of the given claims' deliveries that the instance still holds to
     * {@code leaseUntil}, and answers which those are: delivery id → the claim holding it. A
     * delivery missing from the answer was taken by another claim after a lease ended, was
     * stopped, or has its outcome written. On PostgreSQL a delivery whose outcome is being written
     * meanwhile (its row locked) keeps its lease as it was, and is answered as held.
     */
    public Map<Long, Long> renew(String instance, List<Claim> claims, Instant leaseUntil) {
        Map<Long, Long> holders = new HashMap<>();
        if (claims.isEmpty()) {
            return holders;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement renew =
                        connection.prepareStatement(Databases.isPostgresql(connection) ? RENEW : RENEW_EMBEDDED);
                PreparedStatement select = connection.prepareStatement(HOLDERS)) {
            Array ids = connection.createArrayOf(
                    "bigint",
                    claims.stream()
                            .flatMap(claim -> claim.deliveries().stream())
                            .map(Claimed::id)
                            .toArray());
            renew.setTimestamp(1, Timestamp.from(leaseUntil));
            renew.setArray(2, ids);
            renew.setString(3, instance);
            renew.setArray(
                    4,
                    connection.createArrayOf(
                            "bigint", claims.stream().map(Claim::id).toArray()));
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
     * the rest (which is due from that instant on). One whose e-mail it had handed to the mail server
     * stays SENDING under its mark, so the claim that takes it records it rather than sending it
     * again. Only a start may call it, before the instance claims anything.
     *
     * @return how many were given back
     */
    public int releaseLeftBy(String instance) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement("update delivery set state = case when "
                        + Handovers.handedUnder("delivery")
                        + " then 'SENDING' when attempts > 0 then 'RETRY' else 'PENDING' end, next_attempt_at = (select r.scheduled_at - interval '1' second"
                        + " from mailing_run r where r.id = delivery.run_id) where claimed_by = ? and state = 'SENDING' and next_attempt_at is not null"
                        + " and run_id in (select id from mailing_run where finished_at is null)")) {
            release.setString(1, instance);
            return release.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Deliveries left by an earlier run of " + instance + " could not be given back", e);
        }
    }
}
