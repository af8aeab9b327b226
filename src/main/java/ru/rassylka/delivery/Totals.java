package ru.rassylka.delivery;

/**
 * Sums over runs: recipients, their outcomes (from the counters the engine keeps) and attempts.
 *
 * @param runs how many runs
 * @param recipients deliveries over all runs
 */
public record Totals(long runs, long recipients, long sent, long failed, long skipped, long attempts) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

    /** Deliveries not final yet: neither sent, failed nor skipped. */
    public long pending() {
        return RunFigures.pending(recipients, sent, failed, skipped);
    }
}
