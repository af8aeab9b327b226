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

    /** How the session of a held connection is set up when it is borrowed and set back before it goes back to the pool. */
    interface SessionSettings {

        SessionSettings NONE = new SessionSettings() {
            @Override
            public void apply(Connection connection) {}

            @Override
            public void undo(Connection connection) {}
        };

        void apply(Connection connection) throws SQLException;

        void undo(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final SessionSettings settings;
    private final long holdAtMostNanos;
    private final LongSupplier nanoClock;
    private Connection connection;
    private long borrowedAt;

    /** {@code nanoClock} is {@code System::nanoTime} but in tests. */
    HeldConnection(DataSource dataSource, Duration holdAtMost, LongSupplier nanoClock) {
        this(dataSource, holdAtMost, nanoClock, SessionSettings.NONE);
    }

    HeldConnection(DataSource dataSource, Duration holdAtMost, LongSupplier nanoClock, SessionSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
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
            Connection borrowed = dataSource.getConnection();
            try {
                settings.apply(borrowed);
            } catch (SQLException | RuntimeException e) {
                borrowed.close();
                throw e;
            }
            connection = borrowed;
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
            settings.undo(connection);
        } catch (SQLException | RuntimeException e) {
            // a connection that cannot take a statement is dropped by the pool's validation
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
