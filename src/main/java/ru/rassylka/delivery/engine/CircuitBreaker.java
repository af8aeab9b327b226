package ru.rassylka.delivery.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Stops all sending while the SMTP server is unreachable or keeps telling the sender to wait, so
 * that an outage or throttling does not spend every recipient's attempts. After {@code threshold}
 * such failures in a row it opens for a
 * pause that doubles with each failed probe (up to a maximum); when the pause ends one probe is
 * let through (half open): its success closes the breaker, its failure opens it again.
 * Thread-safe; time comes from the caller.
 */
public final class CircuitBreaker {

    /** The breaker's state, also reported as a metric (0 closed, 1 half open: a probe may go, 2 open). */
    public enum State {
        CLOSED,
        HALF_OPEN,
        OPEN
    }

    private final int threshold;
    private final Duration firstPause;
    private final Duration maxPause;

    private int failuresInRow;
    private Duration pause;
    private Instant openUntil;
    private boolean probing;

    public CircuitBreaker(int threshold, Duration firstPause, Duration maxPause) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The threshold must be at least 1, not " + threshold);
        }
        this.threshold = threshold;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.pause = firstPause;
    }

    /** Whether a message may be sent now; when half open only one caller gets true until it reports. */
    public synchronized boolean allows(Instant now) {
        if (openUntil == null) {
            return true;
        }
        if (now.isBefore(openUntil) || probing) {
            return false;
        }
        probing = true;
        return true;
    }

    public synchronized void succeeded() {
        failuresInRow = 0;
        openUntil = null;
        probing = false;
        pause = firstPause;
    }

    /** A failure to reach the server; failures of single recipients do not count here. */
    public synchronized void unreachable(Instant now) {
        failed(now);
    }

    /**
     * The server took the connection but told the sender to wait (a 4xx to MAIL FROM or DATA, 421):
     * counted like a failure to reach it, so that a server that keeps saying so pauses all sending
     * with growing pauses rather than taking every recipient's attempts.
     */
    public synchronized void throttled(Instant now) {
        failed(now);
    }

    private void failed(Instant now) {
        failuresInRow++;
        if (probing) {
            probing = false;
            pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            openUntil = now.plus(pause);
        } else if (openUntil == null && failuresInRow >= threshold) {
            openUntil = now.plus(pause);
        }
    }

    /** The result of an allowed call that neither reached nor failed to reach the server (e.g. a stop). */
    public synchronized void released() {
        probing = false;
    }

    public synchronized State state(Instant now) {
        if (openUntil == null) {
            return State.CLOSED;
        }
        // while the probe is out nobody else may send either
        return now.isBefore(openUntil) || probing ? State.OPEN : State.HALF_OPEN;
    }

    /** When the breaker lets a probe through, or null while closed. */
    public synchronized Instant openUntil() {
        return openUntil;
    }
}
