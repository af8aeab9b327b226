package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMinutes(30));

    @Test
    void delayDoublesAfterEachAttemptWithoutJitter() {
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(1, () -> 0));
        assertEquals(Duration.ofSeconds(120), policy.delayAfter(2, () -> 0));
        assertEquals(Duration.ofSeconds(240), policy.delayAfter(3, () -> 0));
    }

    @Test
    void delayStopsGrowingAtTheMaximum() {
        assertEquals(Duration.ofMinutes(30), policy.delayAfter(10, () -> 0));
        assertEquals(Duration.ofMinutes(30), policy.delayAfter(1000, () -> 0));
    }

    @Test
    void jitterShortensTheDelayByAtMostAQuarter() {
        assertTrue(policy.delayAfter(1, () -> 0.999_999_999).compareTo(Duration.ofSeconds(45)) >= 0);
        assertEquals(Duration.ofMillis(52_500), policy.delayAfter(1, () -> 0.5));
        assertEquals(Duration.ofMillis(48_750), policy.delayAfter(1, () -> 0.75));
    }

    @Test
    void retriesUntilTheLastAllowedAttempt() {
        assertTrue(policy.mayRetry(1));
        assertTrue(policy.mayRetry(4));
        assertFalse(policy.mayRetry(5));
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }
}
