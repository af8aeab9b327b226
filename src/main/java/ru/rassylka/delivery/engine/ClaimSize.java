package ru.rassylka.delivery.engine;

import java.time.Duration;

/**
 * How many deliveries a worker claims at a time: what it sends in half a lease at the pace it has
 * kept lately, and never faster than the instance's rate allows it (the workers share that rate),
 * at most {@code SEND_BATCH} and at least one. Before a worker has a pace, it claims one. So a slow
 * relay or a low rate keeps claims small: others are not left idle beside a worker that holds
 * what it cannot send soon, and a crash leaves little claimed ahead. Thread-safe.
 */
public final class ClaimSize {

    private final int batch;
    private final double halfLeaseSeconds;
    private final double fastestSecondsPerMessage;
    private double secondsPerMessage;

    /**
     * @param batch the most deliveries of one claim
     * @param lease how long a claim holds its deliveries between renewals
     * @param ratePerSecond the instance's messages per second at most; 0 = no limit
     * @param workers the workers sharing that rate
     */
    public ClaimSize(int batch, Duration lease, double ratePerSecond, int workers) {
        this.batch = Math.max(1, batch);
        this.halfLeaseSeconds = lease.toMillis() / 2000.0;
        this.fastestSecondsPerMessage = ratePerSecond > 0 ? Math.max(1, workers) / ratePerSecond : 0;
    }

    /** The deliveries the next claim takes. */
    public synchronized int next() {
        double pace = Math.max(secondsPerMessage, fastestSecondsPerMessage);
        if (pace <= 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(batch, Math.floor(halfLeaseSeconds / pace)));
    }

    /** A worker sent {@code messages} (attempts, whatever their verdict) in {@code nanos}. */
    public synchronized void sent(int messages, long nanos) {
        if (messages <= 0) {
            return;
        }
        double pace = nanos / 1e9 / messages;
        // the latest batches count most, so a relay that slows down (or recovers) shows within a few claims
        secondsPerMessage = secondsPerMessage == 0 ? pace : (secondsPerMessage + pace) / 2;
    }
}
