package ru.rassylka.delivery.engine;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deliveries one worker claimed in one transaction, under one claim id, and what this instance
 * knows of their lease: when it ends as last renewed, and which of them the claim has lost since
 * (another instance took them after the lease ended, or a stop skipped them). A worker sends a
 * delivery only while the claim holds it with time to spare; the heartbeat renews the claim until
 * the worker has ended and every outcome it queued is written. Thread-safe.
 */
public final class Claim {

    private final long id;
    private final List<Claimed> deliveries;
    private final Set<Long> lost = new HashSet<>();
    private Instant leaseEnd;
    private int unwritten;
    private boolean sending = true;

    public Claim(long id, List<Claimed> deliveries, Instant leaseEnd) {
        this.id = id;
        this.deliveries = List.copyOf(deliveries);
        this.leaseEnd = leaseEnd;
    }

    public long id() {
        return id;
    }

    public List<Claimed> deliveries() {
        return deliveries;
    }

    public boolean isEmpty() {
        return deliveries.isEmpty();
    }

    /** Whether the lease, as last renewed, still runs at {@code until}. */
    public synchronized boolean leasedAt(Instant until) {
        return until.isBefore(leaseEnd);
    }

    /** Whether the delivery has gone to another claim (or was taken out of sending) since this one took it. */
    public synchronized boolean lost(Claimed delivery) {
        return lost.contains(delivery.id());
    }

    /**
     * A renewal's answer: the lease now runs until {@code until} for the deliveries still SENDING
     * under this instance, given as delivery id → the claim that holds it; any other is lost.
     */
    public synchronized void renewed(Instant until, Map<Long, Long> claimOf) {
        leaseEnd = until;
        for (Claimed delivery : deliveries) {
            Long holder = claimOf.get(delivery.id());
            if (holder == null || holder != id) {
                lost.add(delivery.id());
            }
        }
    }

    /** An outcome of this claim waits to be written. */
    public synchronized void queued() {
        unwritten++;
    }

    /** An outcome of this claim is written; answers whether the claim needs no more renewals. */
    public synchronized boolean written() {
        unwritten--;
        return isSettled();
    }

    /** The worker has gone through the claim; answers whether the claim needs no more renewals. */
    public synchronized boolean sendingEnded() {
        sending = false;
        return isSettled();
    }

    private boolean isSettled() {
        return !sending && unwritten <= 0;
    }
}
