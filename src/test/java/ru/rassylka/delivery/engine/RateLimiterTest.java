package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

    @Test
    void aSlowdownHalvesTheRateAndEachQuietRecoveryDoublesItBack() {
        RateLimiter limiter = new RateLimiter(40, Duration.ofSeconds(10), 0);

        assertTrue(limiter.slowDown(0));
        assertEquals(20, limiter.perSecond(0));
        assertTrue(limiter.slowDown(2 * SECOND));
        assertEquals(10, limiter.perSecond(2 * SECOND));
        assertEquals(20, limiter.perSecond(12 * SECOND));
        assertEquals(40, limiter.perSecond(22 * SECOND), "back at the configured rate");
        assertEquals(40, limiter.perSecond(600 * SECOND), "never above it");
    }

    @Test
    void theNextMessageAfterASlowdownWaitsItsTurnAtTheNewRate() {
        RateLimiter limiter = new RateLimiter(10, 0);
        limiter.slowDown(0);
        assertEquals(SECOND / 5, limiter.reserve(0));
    }

    @Test
    void slowdownsWithinASecondCountOnce() {
        RateLimiter limiter = new RateLimiter(40, 0);
        assertTrue(limiter.slowDown(0));
        assertFalse(limiter.slowDown(SECOND / 2), "the replies to messages already under way");
        assertEquals(20, limiter.perSecond(SECOND / 2));
    }

    @Test
    void aSlowdownNeverGoesBelowOneMessageASecond() {
        RateLimiter limiter = new RateLimiter(3, 0);
        limiter.slowDown(0);
        assertTrue(limiter.slowDown(2 * SECOND));
        assertEquals(RateLimiter.SLOWEST, limiter.perSecond(2 * SECOND), "half of 1.5 would be slower");
        assertFalse(limiter.slowDown(4 * SECOND), "already as slow as it goes");
        assertEquals(RateLimiter.SLOWEST, limiter.perSecond(4 * SECOND));
    }

    @Test
    void withoutALimitASlowdownStartsFromTheRateActuallySentAndRecoversToNoLimit() {
        RateLimiter limiter = new RateLimiter(0, Duration.ofSeconds(10), 0);
        long now = 0;
        for (int i = 0; i < 40; i++) {
            assertEquals(0, limiter.reserve(now));
            now += SECOND / 40;
        }

        limiter.slowDown(now);

        assertEquals(20, limiter.perSecond(now), 0.5, "half of the 40 a second sent");
        assertTrue(limiter.reserve(now) > 0, "the next one waits");
        assertEquals(0, limiter.perSecond(now + 10 * SECOND), "no limit once recovered");
        assertEquals(0, limiter.reserve(now + 10 * SECOND));
    }

    @Test
    void withoutALimitASlowdownAfterTheRateRecoveredStartsAgainFromTheRateSentThen() {
        RateLimiter limiter = new RateLimiter(0, Duration.ofSeconds(10), 0);
        long now = sendFor(limiter, 0, 10);
        limiter.slowDown(now);
        now += 60 * SECOND;
        assertEquals(0, limiter.perSecond(now), "recovered to no limit");

        now = sendFor(limiter, now, 1000);

        assertTrue(limiter.slowDown(now));
        assertEquals(
                500,
                limiter.perSecond(now),
                10,
                "half of the 1,000 a second sent now, not the 10 of the first slowdown");
        assertTrue(limiter.reserve(now) > 0, "the next one waits");
    }

    @Test
    void withoutALimitASlowdownRightAtTheStartAndALaterOneStillLowerTheRate() {
        RateLimiter limiter = new RateLimiter(0, Duration.ofSeconds(10), 0);
        limiter.reserve(0);
        limiter.slowDown(SECOND / 2); // about one message a second sent so far: nothing to halve
        long now = sendFor(limiter, 2 * SECOND, 6);

        assertTrue(limiter.slowDown(now));

        assertEquals(3, limiter.perSecond(now), 0.5, "half of the 6 a second sent");
    }

    /** Reserves {@code perSecond} messages evenly over one second from {@code start}; answers the end. */
    private static long sendFor(RateLimiter limiter, long start, int perSecond) {
        long now = start;
        for (int i = 0; i < perSecond; i++) {
            limiter.reserve(now);
            now += SECOND / perSecond;
        }
        return now;
    }
}
