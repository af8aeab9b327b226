package ru.rassylka.delivery.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rassylka.delivery.DeliveryState;

/**
 * {@link Outcomes} on the embedded database (H2), which knows neither statements that change data
 * inside a {@code with} nor PostgreSQL's arrays: one batch of plain statements per table in one local
 * transaction, with the same hold on each delivery (SENDING under this instance and the outcome's
 * claim) and the runs counting only the deliveries actually updated. PostgreSQL takes the single
 * statement of {@link Outcomes}.
 */
final class EmbeddedOutcomes {

    private static final String RECORD = "update delivery set state = ?, attempts = ?, next_attempt_at = ?,"
            + " last_code = coalesce(?, last_code), last_reply = coalesce(?, last_reply), finished_at = ?, reason = ?"
            + " where id = ? and state = 'SENDING' and claimed_by = ? and claim_id = ?";
    private static final String ATTEMPT = "insert into delivery_attempt (id, delivery_id, run_id, attempted_at,"
            + " outcome, smtp_code, reply, duration_ms) values (nextval('delivery_attempt_seq'), ?, ?, ?, ?, ?, ?, ?)";
    private static final String TALLY =
            "insert into attempt_summary (run_id, hour_start, outcome, smtp_code, attempts) values (?, ?, ?, ?, ?)";
    private static final String UNMARK = "delete from delivery_handover where delivery_id = ?";
    private static final String COUNT = "update mailing_run set sent = sent + ?, failed = failed + ? where id = ?";

    private EmbeddedOutcomes() {}

    static void write(Connection connection, String instance, List<SendResult> outcomes) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            record(connection, instance, outcomes);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void record(Connection connection, String instance, List<SendResult> outcomes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(RECORD);
                PreparedStatement insert = connection.prepareStatement(ATTEMPT);
                PreparedStatement tally = connection.prepareStatement(TALLY);
                PreparedStatement unmark = connection.prepareStatement(UNMARK);
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            for (SendResult outcome : outcomes) {
                DeliveryState state = outcome.state();
                Verdict verdict = outcome.verdict();
                update.setString(1, state.name());
                update.setInt(2, outcome.attempts());
                update.setTimestamp(3, timestamp(state.isFinal() ? null : outcome.next()));
                setCode(update, 4, verdict);
                update.setString(5, verdict == null ? null : verdict.reply());
                update.setTimestamp(
                        6, timestamp(state.isFinal() ? outcome.at().plusMillis(outcome.durationMillis()) : null));
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
                    insert.setLong(1, outcome.delivery().id());
                    insert.setLong(2, outcome.delivery().runId());
                    insert.setTimestamp(3, timestamp(outcome.at()));
                    insert.setString(4, state.name());
                    setCode(insert, 5, verdict);
                    insert.setString(6, verdict.reply());
                    insert.setInt(7, outcome.durationMillis());
                    insert.addBatch();
                }
            }
            int[] updated = update.executeBatch();
            insert.executeBatch();
            for (Map.Entry<AttemptTally.Key, Integer> group :
                    AttemptTally.of(outcomes).entrySet()) {
                tally.setLong(1, group.getKey().runId());
                tally.setTimestamp(2, Timestamp.from(group.getKey().hour()));
                tally.setString(3, group.getKey().outcome().name());
                tally.setInt(4, group.getKey().code());
                tally.setInt(5, group.getValue());
                tally.addBatch();
            }
            tally.executeBatch();
            // a delivery no longer held was taken over meanwhile (skipped as its run stopped, or claimed again):
            // counted there
            Map<Long, int[]> counts = new HashMap<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] > 0) {
                    unmark.setLong(1, outcomes.get(i).delivery().id());
                    unmark.addBatch();
                }
                DeliveryState state = outcomes.get(i).state();
                if (updated[i] > 0 && (state == DeliveryState.SENT || state == DeliveryState.FAILED)) {
                    counts.computeIfAbsent(outcomes.get(i).delivery().runId(), run -> new int[2])[
                            state == DeliveryState.SENT ? 0 : 1]++;
                }
            }
            for (Map.Entry<Long, int[]> run : counts.entrySet()) {
                count.setInt(1, run.getValue()[0]);
                count.setInt(2, run.getValue()[1]);
                count.setLong(3, run.getKey());
                count.addBatch();
            }
            count.executeBatch();
            unmark.executeBatch();
        }
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    /** The reply code of an attempt, or null when there is none or the server did not answer. */
    private static void setCode(PreparedStatement statement, int index, Verdict verdict) throws SQLException {
        if (verdict == null || verdict.code() == 0) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, verdict.code());
        }
    }
}
