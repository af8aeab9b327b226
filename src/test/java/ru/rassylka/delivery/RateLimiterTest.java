package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void noLimitNeverWaits() {
        RateLimiter limiter = new RateLimiter(0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, limiter.reserve(0));
        }
    }

    @Test
    void aSecondsWorthGoesAtOnceThenPermitsAreSpacedEvenly() {
        RateLimiter limiter = new RateLimiter(10, 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.reserve(0), "burst " + i);
        }
        assertEquals(SECOND / 10, limiter.reserve(0));
        assertEquals(2 * SECOND / 10, limiter.reserve(0));
    }

    @Test
    void averageRateHoldsOverTime() {
        RateLimiter limiter = new RateLimiter(100, 0);
        long now = 0;
        int sent = 0;
        while (now < 10 * SECOND) {
            now += limiter.reserve(now);
            sent++;
        }
        assertTrue(sent >= 1000 && sent <= 1101, "sent " + sent + " in 10 s at 100/s");
    }

    @Test
    void idleTimeRefillsNoMoreThanOneSecond() {
        RateLimiter limiter = new RateLimiter(5, 0);
        int free = 0;
        while (limiter.reserve(60 * SECOND) == 0) {
            free++;
        }
        assertEquals(5, free);
    }
}
