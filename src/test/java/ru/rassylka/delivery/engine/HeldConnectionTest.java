package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class HeldConnectionTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Pool pool = new Pool();
    private final HeldConnection held = new HeldConnection(pool, Duration.ofSeconds(1), nanos::get);

    @Test
    void aConnectionIsKeptFromOneStatementToTheNextWithinTheHoldingTime() throws SQLException {
        Connection first = held.get();
        nanos.addAndGet(Duration.ofMillis(999).toNanos());

        assertSame(first, held.get());
        assertEquals(1, pool.borrowed.size());
        assertEquals(0, pool.closed);
    }

    @Test
    void aConnectionHeldForTheHoldingTimeGoesBackAndAnotherIsBorrowed() throws SQLException {
        Connection first = held.get();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertNotSame(first, held.get());
        assertEquals(2, pool.borrowed.size());
        assertEquals(1, pool.closed);
    }

    @Test
    void aReleasedConnectionGoesBackAndTheNextStatementBorrowsAnother() throws SQLException {
        held.get();
        held.release();
        held.release();

        assertEquals(1, pool.closed, "given back once");
        held.get();
        assertEquals(2, pool.borrowed.size());
    }

    @Test
    void theSessionIsSetUpWhenBorrowedAndSetBackBeforeItGoesBackToThePool() throws SQLException {
        List<String> steps = new ArrayList<>();
        HeldConnection configured =
                new HeldConnection(pool, Duration.ofSeconds(1), nanos::get, new HeldConnection.SessionSettings() {
                    @Override
                    public void apply(Connection connection) {
                        steps.add("apply " + pool.number(connection) + ", closed " + pool.closed);
                    }

                    @Override
                    public void undo(Connection connection) {
                        steps.add("undo " + pool.number(connection) + ", closed " + pool.closed);
                    }
                });

        configured.get();
        configured.get();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        configured.get(); // held long enough: given back, another borrowed
        configured.release();

        assertEquals(List.of("apply 0, closed 0", "undo 0, closed 0", "apply 1, closed 1", "undo 1, closed 1"), steps);
        assertEquals(2, pool.closed);
    }

    @Test
    void aConnectionWhoseSessionCannotBeSetUpGoesBackAtOnce() {
        HeldConnection failing =
                new HeldConnection(pool, Duration.ofSeconds(1), nanos::get, new HeldConnection.SessionSettings() {
                    @Override
                    public void apply(Connection connection) throws SQLException {
                        throw new SQLException("refused");
                    }

                    @Override
                    public void undo(Connection connection) {}
                });

        assertThrows(SQLException.class, failing::get);
        assertEquals(1, pool.closed);
    }

    /** A pool that counts what is borrowed and given back. */
    private static final class Pool implements DataSource {

        final List<Connection> borrowed = new ArrayList<>();
        int closed;

        /** Which one it was, from 0, by identity (the proxies answer nothing else). */
        int number(Connection connection) {
            for (int i = 0; i < borrowed.size(); i++) {
                if (borrowed.get(i) == connection) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Connection getConnection() {
            Connection connection = (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            closed++;
                        }
                        return null;
                    });
            borrowed.add(connection);
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
