package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedGaugeTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong queries = new AtomicLong();
    private final CachedGauge gauge =
            new CachedGauge(() -> queries.incrementAndGet() * 10, Duration.ofSeconds(5), nanos::get);

    @Test
    void aGaugeAskedTwiceWithinTheIntervalRunsItsQueryOnce() {
        assertEquals(10, gauge.value());
        nanos.addAndGet(Duration.ofMillis(4999).toNanos());

        assertEquals(10, gauge.value());
        assertEquals(1, queries.get());
    }

    @Test
    void aGaugeAskedOnceTheIntervalHasPassedRunsItsQueryAgain() {
        gauge.value();
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());

        assertEquals(20, gauge.value());
        assertEquals(2, queries.get());
    }

    @Test
    void aFailedQueryIsRunAgainAtTheNextAsk() {
        AtomicLong calls = new AtomicLong();
        CachedGauge failingOnce = new CachedGauge(
                () -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("the database is away");
                    }
                    return 7;
                },
                Duration.ofSeconds(5),
                nanos::get);

        assertThrows(IllegalStateException.class, failingOnce::value);
        assertEquals(7, failingOnce.value());
        assertEquals(2, calls.get());
    }
}
