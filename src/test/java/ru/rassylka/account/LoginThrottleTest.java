package ru.rassylka.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(5);

    @Test
    void failuresBelowTheThresholdLockNothing() {
        assertEquals(Optional.empty(), throttle.lockedUntil(4, NOW));
    }

    @Test
    void theThresholdLocksForThirtySecondsAndEachFurtherFailureDoublesIt() {
        assertEquals(NOW.plusSeconds(30), throttle.lockedUntil(5, NOW).orElseThrow());
        assertEquals(NOW.plusSeconds(60), throttle.lockedUntil(6, NOW).orElseThrow());
        assertEquals(NOW.plusSeconds(120), throttle.lockedUntil(7, NOW).orElseThrow());
    }

    @Test
    void theLockNeverExceedsFifteenMinutes() {
        assertEquals(
                NOW.plus(Duration.ofMinutes(15)), throttle.lockedUntil(12, NOW).orElseThrow());
        assertEquals(
                NOW.plus(Duration.ofMinutes(15)),
                throttle.lockedUntil(1_000, NOW).orElseThrow());
    }

    @Test
    void failuresAreForgottenAfterFifteenQuietMinutes() {
        assertFalse(throttle.isForgotten(NOW, NOW.plus(Duration.ofMinutes(14))));
        assertTrue(throttle.isForgotten(NOW, NOW.plus(Duration.ofMinutes(16))));
    }
}
