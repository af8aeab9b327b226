package ru.rassylka.delivery;

/**
 * A token bucket: at most {@code perSecond} messages per second on average, with bursts of up to
 * one second's worth. Zero or less means no limit. Thread-safe; time in nanoseconds from the caller.
 */
public final class RateLimiter {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    public RateLimiter(double perSecond, long nowNanos) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes one permit and answers how many nanoseconds the caller must wait before using it. */
    public synchronized long reserve(long nowNanos) {
        if (perSecond <= 0) {
            return 0;
        }
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
        lastNanos = nowNanos;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
    }
}
