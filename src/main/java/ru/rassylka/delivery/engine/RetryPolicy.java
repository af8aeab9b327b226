package ru.rassylka.delivery.engine;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a temporary failure is tried again: the base delay doubled after each attempt, capped,
 * with up to a quarter of random jitter so that many retries do not return at the same instant;
 * after the last allowed attempt the delivery fails.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt is needed, not " + maxAttempts);
        }
    }

    /** Whether a delivery whose attempt number {@code attempts} (from 1) failed temporarily may try again. */
    public boolean mayRetry(int attempts) {
        return attempts < maxAttempts;
    }

    /**
     * The wait after the failed attempt number {@code attempts} (from 1).
     *
     * @param random a value in [0, 1) for the jitter
     */
    public Duration delayAfter(int attempts, DoubleSupplier random) {
        double exponential = baseDelay.toMillis() * Math.pow(2, Math.max(attempts - 1, 0));
        long capped = (long) Math.min(exponential, maxDelay.toMillis());
        long jitter = (long) (capped * 0.25 * random.getAsDouble());
        return Duration.ofMillis(capped - jitter);
    }
}
