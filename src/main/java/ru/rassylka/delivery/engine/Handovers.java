package ru.rassylka.delivery.engine;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * Marks deliveries handed to the mail server, just before the final dot of their e-mail: a delivery
 * SENDING with {@code handed_claim = claim_id} may have reached the server, so once its instance is
 * gone it is recorded, not sent again. A mark is written only while the instance still holds the
 * delivery under the claim it sends it by. The workers about to send a dot share commits
 * ({@link GroupCommit}) on one connection kept while they send ({@link HeldConnection}); a worker
 * waits {@link #WAIT_AT_MOST} at most, then withholds its dot.
 */
final class Handovers {

    /** How long a worker waits for its mark before it withholds the e-mail's final dot. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(2);
    /** How long the statement of a commit may take; a worker whose mark it writes waits for it. */
    private static final int STATEMENT_SECONDS = 5;

    // the commit need not wait for the write-ahead log to reach the disk: the mark must outlive a killed
    // service, which it does once PostgreSQL has it, not a crash of PostgreSQL itself
    private static final String MARK = "with async as (select set_config('synchronous_commit', 'off', true))"
            + " update delivery d set handed_claim = d.claim_id from unnest(?::bigint[], ?::bigint[]) as m(id, claim),"
            + " async where d.id = m.id and d.claim_id = m.claim and d.state = 'SENDING' and d.claimed_by = ?"
            + " returning d.id";
    private static final String MARK_EMBEDDED = "update delivery set handed_claim = claim_id"
            + " where id = ? and claim_id = ? and state = 'SENDING' and claimed_by = ?";

    /** A delivery about to be handed over under its claim. */
    record Mark(long delivery, long claim) {}

    /** The mark could not be written: the e-mail's final dot must not be sent. */
    static final class NotMarked extends IOException {
        NotMarked(Claimed delivery) {
            super("Delivery " + delivery.id() + " could not be marked handed to the mail server");
        }
    }

    private final HeldConnection connection;
    private final String instance;
    private final GroupCommit<Mark> commits;

    Handovers(HeldConnection connection, String instance) {
        this.connection = connection;
        this.instance = instance;
        this.commits = new GroupCommit<>(this::write, System::nanoTime);
    }

    /** Marks the delivery handed over under its claim, or throws: then its e-mail's final dot is withheld. */
    void mark(Claimed delivery) throws NotMarked {
        try {
            if (commits.write(new Mark(delivery.id(), delivery.claim()), WAIT_AT_MOST.toNanos())) {
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

    int commits() {
        return commits.commits();
    }

    int largestCommit() {
        return commits.largest();
    }

    private Set<Mark> write(List<Mark> marks) throws SQLException {
        try {
            Connection held = connection.get();
            return held.isWrapperFor(PGConnection.class) ? write(held, marks) : writeEmbedded(held, marks);
        } catch (SQLException | RuntimeException e) {
            connection.release();
            throw e;
        }
    }

    /** One statement in auto-commit on PostgreSQL. */
    private Set<Mark> write(Connection held, List<Mark> marks) throws SQLException {
        long[] ids = marks.stream().mapToLong(Mark::delivery).toArray();
        long[] claims = marks.stream().mapToLong(Mark::claim).toArray();
        Set<Long> marked = new HashSet<>();
        try (PreparedStatement mark = held.prepareStatement(MARK)) {
            mark.setQueryTimeout(STATEMENT_SECONDS);
            PGConnection arrays = held.unwrap(PGConnection.class);
            mark.setArray(1, arrays.createArrayOf("int8", ids));
            mark.setArray(2, arrays.createArrayOf("int8", claims));
            mark.setString(3, instance);
            try (ResultSet rows = mark.executeQuery()) {
                while (rows.next()) {
                    marked.add(rows.getLong(1));
                }
            }
        }
        Set<Mark> written = new HashSet<>();
        for (Mark mark : marks) {
            if (marked.contains(mark.delivery())) {
                written.add(mark);
            }
        }
        return written;
    }

    /** A batch of plain updates in one local transaction on the embedded database (H2). */
    private Set<Mark> writeEmbedded(Connection held, List<Mark> marks) throws SQLException {
        boolean autoCommit = held.getAutoCommit();
        held.setAutoCommit(false);
        try (PreparedStatement mark = held.prepareStatement(MARK_EMBEDDED)) {
            mark.setQueryTimeout(STATEMENT_SECONDS);
            for (Mark each : marks) {
                mark.setLong(1, each.delivery());
                mark.setLong(2, each.claim());
                mark.setString(3, instance);
                mark.addBatch();
            }
            int[] updated = mark.executeBatch();
            held.commit();
            Set<Mark> written = new HashSet<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] > 0) {
                    written.add(marks.get(i));
                }
            }
            return written;
        } catch (SQLException | RuntimeException e) {
            held.rollback();
            throw e;
        } finally {
            held.setAutoCommit(autoCommit);
        }
    }
}
