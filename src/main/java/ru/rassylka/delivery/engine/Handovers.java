package ru.rassylka.delivery.engine;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import ru.rassylka.mail.SmtpSession;
import ru.rassylka.platform.persistence.Databases;

/**
 * Marks deliveries handed to the mail server, just before the final dot of their e-mail: a delivery
 * SENDING with a row in {@code delivery_handover} under the claim it is SENDING by ({@link #handedUnder})
 * may have reached the server, so once its instance is gone it is recorded, not sent again; the
 * write of its outcome deletes the row. A mark is written only while the instance still holds the
 * delivery under the claim it sends it by. The workers about to send a dot share commits
 * ({@link GroupCommit}) on one connection kept while they send ({@link HeldConnection}); a worker
 * waits {@link #WAIT_AT_MOST} at most, then withholds its dot. The thread that made the commit sends
 * the dots of the e-mails it marked at once, before their workers wake: an instance killed between a
 * mark and its dot loses that e-mail (it is recorded, not sent again), so the time between them is kept
 * as short as the commit's reply allows.
 */
final class Handovers {

    /** How long a worker waits for its mark before it withholds the e-mail's final dot. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(2);
    /**
     * How long a commit may wait, once a worker waits for it, for the workers that have begun an e-mail
     * and will want a mark soon: workers sending in step share commits rather than make one each.
     */
    static final Duration LINGER = Duration.ofMillis(1);
    /** How long the statement of a commit may take; a worker whose mark it writes waits for it. */
    private static final int STATEMENT_SECONDS = 5;

    // "d.id = any(ids)" lets every plan, the generic one of the prepared statement too, read the deliveries by
    // their key (a join with the ids' unnest had a generic plan that read all the table at every mark)
    // the commit need not wait for the write-ahead log to reach the disk: the mark must outlive a killed
    // service, which it does once PostgreSQL has committed it, not a crash of PostgreSQL itself
    // each delivery only under the claim its worker sends it by
    private static final String MARK = "with async as (select set_config('synchronous_commit', 'off', true))"
            + " insert into delivery_handover (delivery_id, claim_id) select d.id, d.claim_id from delivery d cross join async"
            + " where d.id = any(?) and (d.id, d.claim_id) in (select * from unnest(?::bigint[], ?::bigint[]))"
            + " and d.state = 'SENDING' and d.claimed_by = ?"
            + " on conflict (delivery_id) do update set claim_id = excluded.claim_id returning delivery_id, claim_id";
    /**
     * The marks' connection plans their statement once: PostgreSQL would otherwise plan it anew for every
     * commit (a plan for the number of ids given, cheaper than the generic one on paper), which cost
     * three times what running it does. And PostgreSQL itself ends a statement that runs longer than
     * {@link #STATEMENT_SECONDS}: a query timeout of the driver would start a timer task, and wake the
     * driver's timer thread, for every commit.
     */
    static final HeldConnection.SessionSettings PLANNED_ONCE_AND_BOUNDED = new HeldConnection.SessionSettings() {
        @Override
        public void apply(Connection connection) throws SQLException {
            set(
                    connection,
                    "set plan_cache_mode = force_generic_plan",
                    "set statement_timeout = " + STATEMENT_SECONDS * 1000);
        }

        @Override
        public void undo(Connection connection) throws SQLException {
            set(connection, "reset plan_cache_mode", "reset statement_timeout");
        }

        private void set(Connection connection, String... commands) throws SQLException {
            if (Databases.isPostgresql(connection)) {
                try (Statement statement = connection.createStatement()) {
                    for (String command : commands) {
                        statement.execute(command);
                    }
                }
            }
        }
    };

    private static final String MARK_EMBEDDED = "merge into delivery_handover (delivery_id, claim_id) key (delivery_id)"
            + " select id, claim_id from delivery where id = ? and claim_id = ? and state = 'SENDING' and claimed_by = ?";

    /** A delivery about to be handed over under its claim. */
    record Mark(long delivery, long claim) {}

    /** A mark to write and the final dot to send once it is written. */
    private record Marking(Mark mark, SmtpSession.FinalDot dot) {}

    /** The mark could not be written: the e-mail's final dot must not be sent. */
    static final class NotMarked extends IOException {
        NotMarked(Claimed delivery) {
            super("Delivery " + delivery.id() + " could not be marked handed to the mail server");
        }
    }

    /**
     * The condition, in SQL, that the delivery named {@code delivery} (a table or its alias) is marked
     * handed over under the claim it holds now.
     */
    static String handedUnder(String delivery) {
        return "exists (select 1 from delivery_handover h where h.delivery_id = " + delivery + ".id"
                + " and h.claim_id = " + delivery + ".claim_id)";
    }

    private final HeldConnection connection;
    private final String instance;
    private final GroupCommit<Marking> commits;

    Handovers(HeldConnection connection, String instance) {
        this.connection = connection;
        this.instance = instance;
        this.commits = new GroupCommit<>(this::write, System::nanoTime, LINGER.toNanos());
    }

    /** A worker begins an e-mail whose mark it will ask for: commits may wait a moment for it ({@link #LINGER}). */
    GroupCommit.Coming coming() {
        return commits.coming();
    }

    /** The worker's e-mail has ended, marked or not: no commit waits for it any longer. */
    void gone(GroupCommit.Coming coming) {
        commits.gone(coming);
    }

    /**
     * Marks the delivery handed over under its claim and sends its e-mail's final dot, or throws: then
     * the dot is withheld. {@code coming} is what {@link #coming} gave the worker for this e-mail.
     */
    void mark(Claimed delivery, SmtpSession.FinalDot dot, GroupCommit.Coming coming) throws NotMarked {
        try {
            if (commits.write(
                    new Marking(new Mark(delivery.id(), delivery.claim()), dot), WAIT_AT_MOST.toNanos(), coming)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new NotMarked(delivery);
    }

    /** Gives the connection back to the pool when no mark has been written for {@code idle}. */
    void releaseIfIdle(Duration idle) {
        commits.whenIdle(idle.toNanos(), connection::release);
    }

    /** Gives the connection back to the pool at once (the engine stops). */
    void release() {
        commits.whenIdle(0, connection::release);
    }

    private Set<Marking> write(List<Marking> markings) throws SQLException {
        List<Mark> marks = markings.stream().map(Marking::mark).toList();
        Set<Mark> written;
        try {
            written = inTransaction(connection.get(), marks);
        } catch (SQLException | RuntimeException e) {
            connection.release();
            throw e;
        }
        Set<Marking> handedOver = new HashSet<>();
        for (Marking marking : markings) {
            if (written.contains(marking.mark())) {
                marking.dot().send();
                handedOver.add(marking);
            }
        }
        return handedOver;
    }

    /**
     * Writes the marks in a transaction of their own, each statement bounded by the statement timeout. The
     * marks exist only from the commit on, which is all that is left before the dots: the service killed
     * while the statement runs leaves no mark and no dot (the e-mail is sent again, once), where a statement
     * in auto-commit would have been committed without the service, its dots never sent.
     */
    private Set<Mark> inTransaction(Connection held, List<Mark> marks) throws SQLException {
        held.setAutoCommit(false);
        try {
            Set<Mark> written = Databases.isPostgresql(held) ? insert(held, marks) : insertEmbedded(held, marks);
            held.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            try {
                held.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback); // the caller gives the connection back all the same
            }
            throw e;
        } finally {
            try {
                held.setAutoCommit(true);
            } catch (SQLException e) {
                // a broken connection: the next commit fails on it and gives it back, and the pool drops it
            }
        }
    }

    /** One statement on PostgreSQL, bounded by the session's statement timeout. */
    private Set<Mark> insert(Connection held, List<Mark> marks) throws SQLException {
        long[] ids = marks.stream().mapToLong(Mark::delivery).toArray();
        long[] claims = marks.stream().mapToLong(Mark::claim).toArray();
        try (PreparedStatement mark = held.prepareStatement(MARK)) {
            PGConnection arrays = held.unwrap(PGConnection.class);
            Array idArray = arrays.createArrayOf("int8", ids); // stands twice in the statement
            mark.setArray(1, idArray);
            mark.setArray(2, idArray);
            mark.setArray(3, arrays.createArrayOf("int8", claims));
            mark.setString(4, instance);
            Set<Mark> written = new HashSet<>();
            try (ResultSet rows = mark.executeQuery()) {
                while (rows.next()) {
                    written.add(new Mark(rows.getLong(1), rows.getLong(2)));
                }
            }
            written.retainAll(marks);
            return written;
        }
    }

    /** A batch of plain merges on the embedded database (H2), in the transaction of {@link #inTransaction}. */
    private Set<Mark> insertEmbedded(Connection held, List<Mark> marks) throws SQLException {
        try (PreparedStatement mark = held.prepareStatement(MARK_EMBEDDED)) {
            mark.setQueryTimeout(STATEMENT_SECONDS);
            for (Mark each : marks) {
                mark.setLong(1, each.delivery());
                mark.setLong(2, each.claim());
                mark.setString(3, instance);
                mark.addBatch();
            }
            int[] updated = mark.executeBatch();
            Set<Mark> written = new HashSet<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] > 0) {
                    written.add(marks.get(i));
                }
            }
            return written;
        }
    }
}
