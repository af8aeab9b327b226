package ru.rassylka.delivery.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.platform.persistence.Databases;
import ru.rassylka.platform.persistence.Migrations;

/**
 * Writes what the engine's sending came to in one statement per batch, the outcomes' columns as
 * arrays: each delivery's new state, the attempts and their tally, and the runs' sent and failed
 * counters. One statement is atomic on its own, so no transaction is opened around it; it runs after
 * the SMTP conversations it records.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Outcomes {

    /** An instant as microseconds since the epoch (the arrays' encoding of a timestamp; 0 stands for none). */
    private static final String AT = "(timestamptz 'epoch' + interval '1 microsecond' * nullif(%s, 0))";

    // the outcomes numbered from 1; a release (no verdict) has no attempted_at
    // held: still SENDING under this instance and the outcome's claim; another claim's or a stopped delivery is not
    // touched. claimed_by and claim_id stay: who handled the delivery last
    // "id = any(ids)" beside each join on the ids lets every plan (the prepared statement's generic one too) read
    // the rows by their key
    // the runs count only the deliveries updated: one taken over meanwhile (skipped as its run stopped, or claimed
    // again) is counted there; the handed-over marks of the deliveries updated go (see Handovers)
    private static final String RECORD = "with o as (select * from unnest(?::bigint[], ?::bigint[], ?::bigint[],"
            + " ?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::int[])"
            + " with ordinality as o(id, claim, run_id, state, attempts, attempted_at, next_attempt_at, finished_at,"
            + " code, reply, reason, duration_ms, row_number)),"
            + " updated as (update delivery d set state = o.state, attempts = o.attempts,"
            + " next_attempt_at = " + AT.formatted("o.next_attempt_at") + ","
            + " last_code = coalesce(nullif(o.code, 0), d.last_code), last_reply = coalesce(o.reply, d.last_reply),"
            + " finished_at = " + AT.formatted("o.finished_at") + ", reason = o.reason"
            + " from o where d.id = o.id and d.id = any(?) and d.state = 'SENDING' and d.claimed_by = ?"
            + " and d.claim_id = o.claim returning d.id, d.run_id, o.state),"
            + " unmarked as (delete from delivery_handover h where h.delivery_id = any(?)"
            + " and h.delivery_id in (select id from updated)),"
            + " attempted as (insert into delivery_attempt (id, delivery_id, run_id, attempted_at, outcome, smtp_code,"
            + " reply, duration_ms) select nextval('delivery_attempt_seq'), o.id, o.run_id,"
            + " " + AT.formatted("o.attempted_at") + ", o.state, nullif(o.code, 0), o.reply, o.duration_ms"
            + " from o where o.attempted_at <> 0 order by o.row_number),"
            + " tallied as (insert into attempt_summary (run_id, hour_start, outcome, smtp_code, attempts)"
            + " select t.run_id, " + AT.formatted("t.hour_start") + ", t.outcome, t.code, t.attempts"
            + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::int[])"
            + " as t(run_id, hour_start, outcome, code, attempts))"
            + " update mailing_run r set sent = r.sent + c.sent, failed = r.failed + c.failed"
            + " from (select run_id, count(*) filter (where state = 'SENT') as sent,"
            + " count(*) filter (where state = 'FAILED') as failed from updated group by run_id) c"
            + " where r.id = c.run_id and c.sent + c.failed > 0";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    /**
     * Writes attempts and their deliveries' new states, and the runs' counters, in one batch. A
     * delivery's state changes only while the instance still holds it under the outcome's claim.
     */
    public void record(String instance, List<SendResult> outcomes) {
        try (Connection connection = dataSource.getConnection()) {
            write(connection, instance, outcomes);
        } catch (SQLException e) {
            throw new IllegalStateException("Results of " + outcomes.size() + " deliveries could not be written", e);
        }
    }

    /**
     * {@link #record} on a connection in auto-commit, without the container: the engine's writer calls
     * it for every batch on the connection it holds, where a call through the bean and a connection
     * borrowed each time cost more than the statement itself.
     */
    static void write(Connection connection, String instance, List<SendResult> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        if (!Databases.isPostgresql(connection)) {
            EmbeddedOutcomes.write(connection, instance, outcomes);
            return;
        }
        int size = outcomes.size();
        long[] ids = new long[size];
        long[] claims = new long[size];
        long[] runs = new long[size];
        String[] states = new String[size];
        int[] attempts = new int[size];
        long[] attemptedAt = new long[size];
        long[] nextAttempts = new long[size];
        long[] finishes = new long[size];
        int[] codes = new int[size];
        String[] replies = new String[size];
        String[] reasons = new String[size];
        int[] durations = new int[size];
        for (int i = 0; i < size; i++) {
            SendResult outcome = outcomes.get(i);
            DeliveryState state = outcome.state();
            Verdict verdict = outcome.verdict();
            ids[i] = outcome.delivery().id();
            claims[i] = outcome.delivery().claim();
            runs[i] = outcome.delivery().runId();
            states[i] = state.name();
            attempts[i] = outcome.attempts();
            nextAttempts[i] = state.isFinal() ? 0 : Micros.of(outcome.next());
            finishes[i] = state.isFinal() ? Micros.of(outcome.at()) + outcome.durationMillis() * 1000L : 0;
            durations[i] = outcome.durationMillis();
            if (verdict != null) {
                attemptedAt[i] = Micros.of(outcome.at());
                codes[i] = verdict.code();
                replies[i] = verdict.reply();
                reasons[i] = verdict.reason() == null ? null : verdict.reason().name();
            }
        }
        Map<AttemptTally.Key, Integer> tally = AttemptTally.of(outcomes);
        int groups = tally.size();
        long[] tallyRuns = new long[groups];
        long[] hours = new long[groups];
        String[] tallyOutcomes = new String[groups];
        int[] tallyCodes = new int[groups];
        int[] counts = new int[groups];
        int g = 0;
        for (Map.Entry<AttemptTally.Key, Integer> group : tally.entrySet()) {
            tallyRuns[g] = group.getKey().runId();
            hours[g] = Micros.of(group.getKey().hour());
            tallyOutcomes[g] = group.getKey().outcome().name();
            tallyCodes[g] = group.getKey().code();
            counts[g] = group.getValue();
            g++;
        }
        try (PreparedStatement record = connection.prepareStatement(RECORD)) {
            // primitive arrays go to the server in binary, without a text form of each element
            PGConnection arrays = connection.unwrap(PGConnection.class);
            // the ids stand three times in the statement: one array for all three
            Array idArray = arrays.createArrayOf("int8", ids);
            record.setArray(1, idArray);
            record.setArray(2, arrays.createArrayOf("int8", claims));
            record.setArray(3, arrays.createArrayOf("int8", runs));
            record.setArray(4, arrays.createArrayOf("text", states));
            record.setArray(5, arrays.createArrayOf("int4", attempts));
            record.setArray(6, arrays.createArrayOf("int8", attemptedAt));
            record.setArray(7, arrays.createArrayOf("int8", nextAttempts));
            record.setArray(8, arrays.createArrayOf("int8", finishes));
            record.setArray(9, arrays.createArrayOf("int4", codes));
            record.setArray(10, arrays.createArrayOf("text", replies));
            record.setArray(11, arrays.createArrayOf("text", reasons));
            record.setArray(12, arrays.createArrayOf("int4", durations));
            record.setArray(13, idArray);
            record.setString(14, instance);
            record.setArray(15, idArray);
            record.setArray(16, arrays.createArrayOf("int8", tallyRuns));
            record.setArray(17, arrays.createArrayOf("int8", hours));
            record.setArray(18, arrays.createArrayOf("text", tallyOutcomes));
            record.setArray(19, arrays.createArrayOf("int4", tallyCodes));
            record.setArray(20, arrays.createArrayOf("int4", counts));
            record.executeUpdate();
        }
    }
}
