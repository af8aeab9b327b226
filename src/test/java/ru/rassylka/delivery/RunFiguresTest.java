package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunFiguresTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void finishedRunLastsFromStartToFinish() {
        assertEquals(
                Duration.ofSeconds(3725),
                RunFigures.duration(START, START.plusSeconds(3725), START.plusSeconds(99999)));
        assertEquals("1:02:05", RunFigures.format(Duration.ofSeconds(3725)));
    }

    @Test
    void runningRunLastsUntilNow() {
        assertEquals(Duration.ofSeconds(10), RunFigures.duration(START, null, START.plusSeconds(10)));
    }

    @Test
    void runThatHasNotStartedHasNoDurationNorRate() {
        assertNull(RunFigures.duration(null, null, START));
        assertNull(RunFigures.rate(0, null));
        assertEquals("", RunFigures.format((Duration) null));
        assertEquals("", RunFigures.format((Double) null));
    }

    @Test
    void rateIsMessagesPerSecond() {
        assertEquals("250.0", RunFigures.format(RunFigures.rate(1000, Duration.ofSeconds(4))));
    }
}
