package ru.rassylka.delivery.engine;

import java.time.Duration;

/**
 * A token bucket: at most {@code perSecond} messages per second on average, with bursts of up to
 * one second's worth. Zero or less means no limit. When the mail server asks the sender to slow
 * down ({@link #slowDown}) the rate halves, starting from the rate actually sent lately when there
 * is no limit, never below {@link #SLOWEST} message per second; every {@code recovery} without
 * another such request doubles it again, until it is back where it was. Thread-safe; time in
 * nanoseconds from the caller.
 */
public final class RateLimiter {

    /** The lowest rate a slowdown leads to; slower than that the circuit breaker's pauses take over. */
    static final double SLOWEST = 1;

    static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final long SECOND = 1_000_000_000L;

    private final double configured;
    private final long recoveryNanos;
    private double tokens;
    private long lastNanos;
    /** The rate the last slowdown set, or 0 while not slowed down. */
    private double lowered;

    private long loweredAtNanos;
    /** The rate a slowed-down limiter comes back to: the configured one, or the one measured when the slowdown began. */
    private double ceiling;

    private long windowStartNanos;
    private int inWindow;
    private double lastWindowRate;

    public RateLimiter(double perSecond, long nowNanos) {
        this(perSecond, RECOVERY, nowNanos);
    }

    public RateLimiter(double perSecond, Duration recovery, long nowNanos) {
        this.configured = Math.max(0, perSecond);
        this.recoveryNanos = recovery.toNanos();
        this.tokens = Math.max(1, perSecond);
        this.lastNanos = nowNanos;
        this.windowStartNanos = nowNanos;
    }

    /** Takes one permit and answers how many nanoseconds the caller must wait before using it. */
    public synchronized long reserve(long nowNanos) {
        count(nowNanos);
        double rate = perSecond(nowNanos);
        if (rate <= 0) {
            return 0;
        }
        tokens = Math.min(Math.max(1, rate), tokens + (nowNanos - lastNanos) * rate / 1e9);
        lastNanos = nowNanos;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / rate * 1e9);
    }

    /**
     * The server asked the sender to slow down (a 4xx to MAIL FROM or DATA): the rate halves. At
     * most once a second, since the replies to the messages already under way say nothing new.
     *
     * @return whether the rate went down
     */
    public synchronized boolean slowDown(long nowNanos) {
        if (lowered > 0 && nowNanos - loweredAtNanos < SECOND) {
            return false;
        }
        double current = loweredRate(nowNanos);
        if (current == 0) {
            // not slowed down (any more): halve the configured rate, or the rate sent lately, and come back to it
            current = configured > 0 ? configured : Math.max(SLOWEST, measuredRate(nowNanos));
            ceiling = current;
        }
        double next = Math.max(SLOWEST, current / 2);
        lowered = next;
        loweredAtNanos = nowNanos;
        // the next message waits its turn at the new rate
        tokens = Math.min(tokens, 0);
        lastNanos = nowNanos;
        return next < current;
    }

    /** The messages per second allowed now; 0 means no limit. */
    public synchronized double perSecond(long nowNanos) {
        double slowed = loweredRate(nowNanos);
        return slowed > 0 ? slowed : configured;
    }

    /** The rate a slowdown still holds the sender to, or 0 when none did or the rate has come back. */
    private double loweredRate(long nowNanos) {
        if (lowered == 0) {
            return 0;
        }
        long doublings = Math.min(30, Math.max(0, nowNanos - loweredAtNanos) / recoveryNanos);
        double recovered = lowered * Math.pow(2, doublings);
        return recovered >= ceiling ? 0 : recovered;
    }

    private void count(long nowNanos) {
        if (nowNanos - windowStartNanos >= SECOND) {
            lastWindowRate = inWindow * 1e9 / (nowNanos - windowStartNanos);
            windowStartNanos = nowNanos;
            inWindow = 0;
        }
        inWindow++;
    }

    /** The messages per second sent lately: the last whole window or the current one, whichever was faster. */
    private double measuredRate(long nowNanos) {
        double current = inWindow * 1e9 / Math.max(SECOND, nowNanos - windowStartNanos);
        return Math.max(lastWindowRate, current);
    }
}
