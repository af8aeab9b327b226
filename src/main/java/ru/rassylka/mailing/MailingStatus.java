package ru.rassylka.mailing;

import java.time.Instant;
import java.util.Objects;

/** The status of a mailing as the system sees it; the owner never sets it. */
public enum MailingStatus {
    /** Waiting for its first scheduled send. */
    CREATED,
    /** Has sent at least once and will send again, or is sending now. */
    STARTED,
    /** A once-only mailing that was sent, or a periodic one with nothing left to send before its end date. */
    COMPLETED;

    /**
     * The status of a mailing with the given schedule.
     *
     * <p>A run in progress always means STARTED. Otherwise the mailing is COMPLETED when no
     * occurrence is left to run: none is due now (see {@link Schedule#nextDue}) and none follows
     * later. This includes a periodic mailing whose end date passed before it ever ran. A mailing
     * with something left to run is CREATED if no scheduled occurrence has run yet, else STARTED;
     * an occurrence missed while the service was down counts as left to run until the end date
     * has passed.
     *
     * @param schedule the mailing's schedule
     * @param lastRunOccurrence the scheduled instant of the last occurrence that was run (or
     *     started), or null if none was; extra runs ("send now") do not count
     * @param runInProgress whether a run of this mailing is sending right now
     * @param now the current instant
     */
    public static MailingStatus of(Schedule schedule, Instant lastRunOccurrence, boolean runInProgress, Instant now) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(now, "now");
        if (runInProgress) {
            return STARTED;
        }
        if (!hasOccurrenceLeft(schedule, lastRunOccurrence, now)) {
            return COMPLETED;
        }
        return lastRunOccurrence == null ? CREATED : STARTED;
    }

    private static boolean hasOccurrenceLeft(Schedule schedule, Instant lastRunOccurrence, Instant now) {
        // a clock set back must not make the last run's occurrence look like a future one
        Instant after = lastRunOccurrence != null && lastRunOccurrence.isAfter(now) ? lastRunOccurrence : now;
        return schedule.nextDue(lastRunOccurrence, now).isPresent()
                || schedule.firstOccurrenceAfter(after).isPresent();
    }
}
