package ru.rassylka.delivery.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * A connection of the pool that one thread keeps from one statement to the next while it has work,
 * rather than borrowing one for each: the engine's writer records a batch every few milliseconds,
 * and borrowing and giving back a pooled connection cost about as much CPU as the batch's statement.
 * It goes back to the pool when the thread has nothing to do ({@link #release()}), after a failure
 * (the next borrow takes a sound one), and at the latest {@code holdAtMost} after it was taken, so
 * that the pool keeps validating and sharing its connections. Used by one thread at a time.
 */
final class HeldConnection {

    private final DataSource dataSource;
    private final long holdAtMostNanos;
    private final LongSupplier nanoClock;
    private Connection connection;
    private long borrowedAt;

    /** {@code nanoClock} is {@code System::nanoTime} but in tests. */
    HeldConnection(DataSource dataSource, Duration holdAtMost, LongSupplier nanoClock) {
        this.dataSource = dataSource;
        this.holdAtMostNanos = holdAtMost.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The connection held, borrowed anew when none is or it has been held long enough. */
    Connection get() throws SQLException {
        long now = nanoClock.getAsLong();
        if (connection != null && now - borrowedAt >= holdAtMostNanos) {
            release();
        }
        if (connection == null) {
            connection = dataSource.getConnection();
            borrowedAt = now;
        }
        return connection;
    }

    /** Gives the connection back to the pool, if one is held. */
    void release() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the pool drops a connection that fails even to close; nothing to keep
        } finally {
            connection = null;
        }
    }
}
