package ru.rassylka.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attempts of one batch of outcomes counted by run, hour, outcome and reply code, written as
 * rows of {@code attempt_summary}: statistics sum these few rows instead of the attempts.
 */
final class AttemptTally {

    private static final String INSERT = "insert into attempt_summary (run_id, hour_start, outcome, smtp_code, attempts)"
            + " values (?, ?, ?, ?, ?)";

    /** One group of attempts; code 0 stands for an attempt without a reply code. */
    record Key(long runId, Instant hour, DeliveryState outcome, int code) {}

    private AttemptTally() {}

    static Map<Key, Integer> of(List<Outcome> outcomes) {
        Map<Key, Integer> tally = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            Verdict verdict = outcome.verdict();
            if (verdict != null) {
                Key key = new Key(outcome.delivery().runId(), outcome.at().truncatedTo(ChronoUnit.HOURS), verdict.outcome(), verdict.code());
                tally.merge(key, 1, Integer::sum);
            }
        }
        return tally;
    }

    static void write(Connection connection, List<Outcome> outcomes) throws SQLException {
        Map<Key, Integer> tally = of(outcomes);
        if (tally.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<Key, Integer> group : tally.entrySet()) {
                insert.setLong(1, group.getKey().runId());
                insert.setTimestamp(2, Timestamp.from(group.getKey().hour()));
                insert.setString(3, group.getKey().outcome().name());
                insert.setInt(4, group.getKey().code());
                insert.setInt(5, group.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
