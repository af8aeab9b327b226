package ru.rassylka.delivery.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rassylka.delivery.DeliveryState;

/**
 * The attempts of one batch of outcomes counted by run, hour, outcome and reply code, written as
 * rows of {@code attempt_summary}: statistics sum these few rows instead of the attempts. Rows are
 * only added while a run sends (instances never wait for each other) and merged when it finishes.
 */
final class AttemptTally {

    private static final String INSERT =
            "insert into attempt_summary (run_id, hour_start, outcome, smtp_code, attempts)"
                    + " values (?, ?, ?, ?, ?)";

    /** One group of attempts; code 0 stands for an attempt without a reply code. */
    record Key(long runId, Instant hour, DeliveryState outcome, int code) {}

    private AttemptTally() {}

    /**
     * Once a run is finished nothing more is recorded for it: its rows (one per batch) become one
     * per hour, outcome and code, so that statistics over many past runs sum few rows.
     */
    static void merge(Connection connection, long runId) throws SQLException {
        List<Object[]> sums = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement("select hour_start, outcome, smtp_code, sum(attempts)"
                        + " from attempt_summary where run_id = ? group by hour_start, outcome, smtp_code")) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sums.add(new Object[] {rows.getTimestamp(1), rows.getString(2), rows.getInt(3), rows.getInt(4)});
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from attempt_summary where run_id = ?");
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            delete.setLong(1, runId);
            delete.executeUpdate();
            for (Object[] sum : sums) {
                insert.setLong(1, runId);
                insert.setTimestamp(2, (Timestamp) sum[0]);
                insert.setString(3, (String) sum[1]);
                insert.setInt(4, (Integer) sum[2]);
                insert.setInt(5, (Integer) sum[3]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Map<Key, Integer> of(List<SendResult> outcomes) {
        Map<Key, Integer> tally = new LinkedHashMap<>();
        for (SendResult outcome : outcomes) {
            Verdict verdict = outcome.verdict();
            if (verdict != null) {
                Key key = new Key(
                        outcome.delivery().runId(),
                        outcome.at().truncatedTo(ChronoUnit.HOURS),
                        verdict.outcome(),
                        verdict.code());
                tally.merge(key, 1, Integer::sum);
            }
        }
        return tally;
    }
}
