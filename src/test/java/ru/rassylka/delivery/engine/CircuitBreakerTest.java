package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(5), Duration.ofSeconds(40));

    private void failTimes(int times, Instant at) {
        for (int i = 0; i < times; i++) {
            breaker.unreachable(at);
        }
    }

    @Test
    void staysClosedBelowTheThreshold() {
        failTimes(2, T0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(T0));
        assertTrue(breaker.allows(T0));
    }

    @Test
    void opensAtTheThresholdAndRefusesUntilThePauseEnds() {
        failTimes(3, T0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(T0));
        assertFalse(breaker.allows(T0.plusSeconds(4)));
        assertEquals(T0.plusSeconds(5), breaker.openUntil());
    }

    @Test
    void afterThePauseOneProbeGoesAndItsSuccessCloses() {
        failTimes(3, T0);
        Instant later = T0.plusSeconds(5);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state(later));
        assertTrue(breaker.allows(later));
        assertFalse(breaker.allows(later), "only one probe at a time");
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(later), "others wait while the probe is out");
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(later));
        assertTrue(breaker.allows(later));
    }

    @Test
    void aFailedProbeDoublesThePauseUpToTheMaximum() {
        failTimes(3, T0);
        Instant at = T0.plusSeconds(5);
        long[] expected = {10, 20, 40, 40};
        for (long pause : expected) {
            assertTrue(breaker.allows(at));
            breaker.unreachable(at);
            assertEquals(at.plusSeconds(pause), breaker.openUntil());
            at = breaker.openUntil();
        }
    }

    @Test
    void successResetsTheCountOfFailures() {
        failTimes(2, T0);
        breaker.succeeded();
        failTimes(2, T0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(T0));
    }

    @Test
    void aReleasedProbeLetsAnotherOneGo() {
        failTimes(3, T0);
        Instant later = T0.plusSeconds(6);
        assertTrue(breaker.allows(later));
        breaker.released();
        assertTrue(breaker.allows(later));
    }

    @Test
    void throttlesInARowPauseTheSenderAndARefusedProbeDoublesThePause() {
        breaker.throttled(T0);
        breaker.throttled(T0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(T0), "the slower rate gets its chance first");
        breaker.throttled(T0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(T0));
        assertEquals(T0.plusSeconds(5), breaker.openUntil());

        Instant probe = T0.plusSeconds(5);
        assertTrue(breaker.allows(probe));
        breaker.throttled(probe);
        assertEquals(probe.plusSeconds(10), breaker.openUntil());
        assertTrue(breaker.allows(probe.plusSeconds(10)));
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(probe.plusSeconds(10)));
    }
}
