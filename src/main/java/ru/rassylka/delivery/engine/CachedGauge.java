package ru.rassylka.delivery.engine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A gauge whose value costs a query: computed at most once per interval, however often
 * {@code /metrics} is scraped (by several scrapers, or by hand), and otherwise answered from the
 * last result. A failed query is not kept: the next scrape runs it again.
 */
final class CachedGauge {

    private final LongSupplier query;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long value;
    private long computedAt;
    private boolean computed;

    /** {@code nanoClock} is {@code System::nanoTime} but in tests. */
    CachedGauge(LongSupplier query, Duration interval, LongSupplier nanoClock) {
        this.query = query;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    synchronized long value() {
        long now = nanoClock.getAsLong();
        if (!computed || now - computedAt >= intervalNanos) {
            value = query.getAsLong();
            computedAt = now;
            computed = true;
        }
        return value;
    }
}
