package ru.rassylka.delivery.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The sendable runs as last read, for the workers' turns: read at most once per interval however
 * many claims the workers make, and at once after {@link #forget()} (a run has started, so its first
 * e-mail need not wait). A run paused or stopped meanwhile is dropped at the next read; its
 * deliveries are skipped or kept waiting by the stop itself. A failed read is not kept. Thread-safe.
 */
final class RecentRuns {

    private final Supplier<List<Long>> query;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private List<Long> runs = List.of();
    private long readAt;
    private boolean stale = true;

    /** {@code nanoClock} is {@code System::nanoTime} but in tests. */
    RecentRuns(Supplier<List<Long>> query, Duration interval, LongSupplier nanoClock) {
        this.query = query;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    synchronized List<Long> get() {
        long now = nanoClock.getAsLong();
        if (stale || now - readAt >= intervalNanos) {
            runs = List.copyOf(query.get());
            readAt = now;
            stale = false;
        }
        return runs;
    }

    /** The next {@link #get()} reads the runs again. */
    synchronized void forget() {
        stale = true;
    }
}
