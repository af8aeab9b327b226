package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentRunsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();
    private final RecentRuns runs =
            new RecentRuns(() -> List.of((long) reads.incrementAndGet()), Duration.ofMillis(100), nanos::get);

    @Test
    void runsAskedAgainWithinTheIntervalAreReadOnce() {
        assertEquals(List.of(1L), runs.get());
        nanos.addAndGet(Duration.ofMillis(99).toNanos());

        assertEquals(List.of(1L), runs.get());
        assertEquals(1, reads.get());
    }

    @Test
    void runsAskedOnceTheIntervalHasPassedAreReadAgain() {
        runs.get();
        nanos.addAndGet(Duration.ofMillis(100).toNanos());

        assertEquals(List.of(2L), runs.get());
    }

    @Test
    void runsForgottenAreReadAgainAtOnce() {
        runs.get();
        runs.forget();

        assertEquals(List.of(2L), runs.get());
        assertEquals(List.of(2L), runs.get());
    }

    @Test
    void aFailedReadIsTriedAgainAtTheNextAsk() {
        AtomicInteger calls = new AtomicInteger();
        RecentRuns failingOnce = new RecentRuns(
                () -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("database away");
                    }
                    return List.of(7L);
                },
                Duration.ofMillis(100),
                nanos::get);

        assertThrows(IllegalStateException.class, failingOnce::get);
        assertEquals(List.of(7L), failingOnce.get());
    }
}
