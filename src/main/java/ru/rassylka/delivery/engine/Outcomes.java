package ru.rassylka.delivery.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.platform.persistence.Migrations;

/**
 * Writes what the engine's sending came to, one statement per table and batch (the outcomes'
 * columns as arrays): each delivery's new state and its attempt, and the runs' sent and failed
 * counters. Each call is one short transaction, after the SMTP conversations it records.
 */
@Stateless
@PermitAll
public class Outcomes {

    // one statement per batch: the outcomes' columns as arrays, the row of each outcome numbered from 1
    // held: still SENDING under this instance and the outcome's claim; another claim's or a stopped delivery is not
    // touched. claimed_by and claim_id stay: who handled the delivery last
    private static final String RECORD = "update delivery d set state = o.state, attempts = o.attempts,"
            + " next_attempt_at = o.next_attempt_at::timestamptz, last_code = coalesce(o.code, d.last_code),"
            + " last_reply = coalesce(o.reply, d.last_reply), finished_at = o.finished_at::timestamptz,"
            + " reason = o.reason"
            + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::int[], ?::text[], ?::text[],"
            + " ?::text[]) with ordinality"
            + " as o(id, claim, state, attempts, next_attempt_at, code, reply, finished_at, reason, row_number)"
            + " where d.id = o.id and d.state = 'SENDING' and d.claimed_by = ? and d.claim_id = o.claim"
            + " returning o.row_number";
    private static final String ATTEMPT =
            "insert into delivery_attempt (id, delivery_id, run_id, attempted_at, outcome, smtp_code,"
                    + " reply, duration_ms) select nextval('delivery_attempt_seq'), a.delivery_id, a.run_id,"
                    + " a.attempted_at::timestamptz, a.outcome, a.code, a.reply, a.duration_ms"
                    + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[])"
                    + " with ordinality as a(delivery_id, run_id, attempted_at, outcome, code, reply, duration_ms,"
                    + " row_number) order by a.row_number";
    private static final String COUNT = "update mailing_run set sent = sent + ?, failed = failed + ? where id = ?";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

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
            int size = outcomes.size();
            Long[] ids = new Long[size];
            Long[] claims = new Long[size];
            String[] states = new String[size];
            Integer[] attempts = new Integer[size];
            String[] nextAttempts = new String[size];
            Integer[] codes = new Integer[size];
            String[] replies = new String[size];
            String[] finishes = new String[size];
            String[] reasons = new String[size];
            List<SendResult> attempted = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                SendResult outcome = outcomes.get(i);
                DeliveryState state = outcome.state();
                Verdict verdict = outcome.verdict();
                ids[i] = outcome.delivery().id();
                claims[i] = outcome.delivery().claim();
                states[i] = state.name();
                attempts[i] = outcome.attempts();
                nextAttempts[i] = instant(state.isFinal() ? null : outcome.next());
                codes[i] = code(verdict);
                replies[i] = verdict == null ? null : verdict.reply();
                finishes[i] = instant(state.isFinal() ? outcome.at().plusMillis(outcome.durationMillis()) : null);
                reasons[i] = verdict == null || verdict.reason() == null
                        ? null
                        : verdict.reason().name();
                if (verdict != null) {
                    attempted.add(outcome);
                }
            }
            update.setArray(1, connection.createArrayOf("bigint", ids));
            update.setArray(2, connection.createArrayOf("bigint", claims));
            update.setArray(3, connection.createArrayOf("text", states));
            update.setArray(4, connection.createArrayOf("integer", attempts));
            update.setArray(5, connection.createArrayOf("text", nextAttempts));
            update.setArray(6, connection.createArrayOf("integer", codes));
            update.setArray(7, connection.createArrayOf("text", replies));
            update.setArray(8, connection.createArrayOf("text", finishes));
            update.setArray(9, connection.createArrayOf("text", reasons));
            update.setString(10, instance);
            boolean[] changed = new boolean[size];
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    changed[(int) rows.getLong(1) - 1] = true;
                }
            }
            for (int i = 0; i < size; i++) {
                // a delivery no longer held was taken over meanwhile (skipped as its run stopped, or claimed again):
                // counted there
                if (!changed[i]) {
                    continue;
                }
                DeliveryState state = outcomes.get(i).state();
                int[] runCounts =
                        counts.computeIfAbsent(outcomes.get(i).delivery().runId(), run -> new int[2]);
                if (state == DeliveryState.SENT) {
                    runCounts[0]++;
                } else if (state == DeliveryState.FAILED) {
                    runCounts[1]++;
                }
            }
            if (!attempted.isEmpty()) {
                insert.setArray(
                        1,
                        connection.createArrayOf(
                                "bigint",
                                attempted.stream()
                                        .map(outcome -> outcome.delivery().id())
                                        .toArray()));
                insert.setArray(
                        2,
                        connection.createArrayOf(
                                "bigint",
                                attempted.stream()
                                        .map(outcome -> outcome.delivery().runId())
                                        .toArray()));
                insert.setArray(
                        3,
                        connection.createArrayOf(
                                "text",
                                attempted.stream()
                                        .map(outcome -> instant(outcome.at()))
                                        .toArray()));
                insert.setArray(
                        4,
                        connection.createArrayOf(
                                "text",
                                attempted.stream()
                                        .map(outcome ->
                                                outcome.verdict().outcome().name())
                                        .toArray()));
                insert.setArray(
                        5,
                        connection.createArrayOf(
                                "integer",
                                attempted.stream()
                                        .map(outcome -> code(outcome.verdict()))
                                        .toArray()));
                insert.setArray(
                        6,
                        connection.createArrayOf(
                                "text",
                                attempted.stream()
                                        .map(outcome -> outcome.verdict().reply())
                                        .toArray()));
                insert.setArray(
                        7,
                        connection.createArrayOf(
                                "integer",
                                attempted.stream()
                                        .map(SendResult::durationMillis)
                                        .toArray()));
                insert.executeUpdate();
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

    /** An instant as PostgreSQL reads a timestamp with time zone (ISO 8601 in UTC), or null. */
    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }

    /** The reply code of an attempt, or null when there is none or the server did not answer. */
    private static Integer code(Verdict verdict) {
        return verdict == null || verdict.code() == 0 ? null : verdict.code();
    }
}
