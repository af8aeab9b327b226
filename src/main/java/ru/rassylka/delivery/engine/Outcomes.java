package ru.rassylka.delivery.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.platform.persistence.Migrations;

/**
 * Writes what the engine's sending came to, in JDBC batches: each delivery's new state, its attempt
 * and the runs' sent and failed counters. Each call is one short transaction, after the SMTP
 * conversations it records.
 */
@Stateless
@PermitAll
public class Outcomes {

    /** Held: still SENDING under this instance and one of its claims; another claim's or a stopped delivery is not touched. */
    private static final String HELD = " and state = 'SENDING' and claimed_by = ? and claim_id = ?";
    // claimed_by and claim_id stay: who handled the delivery last
    private static final String RECORD = "update delivery set state = ?, attempts = ?, next_attempt_at = ?,"
            + " last_code = coalesce(?, last_code), last_reply = coalesce(?, last_reply), finished_at = ?, reason = ? where id = ?"
            + HELD;
    private static final String ATTEMPT =
            "insert into delivery_attempt (id, delivery_id, run_id, attempted_at, outcome, smtp_code,"
                    + " reply, duration_ms) values (nextval('delivery_attempt_seq'), ?, ?, ?, ?, ?, ?, ?)";
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
                update.setString(
                        7,
                        verdict == null || verdict.reason() == null
                                ? null
                                : verdict.reason().name());
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
                // a delivery no longer held was taken over meanwhile (skipped as its run stopped, or claimed again):
                // counted there
                if (changed[i] == 0) {
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
