package ru.rassylka.delivery;

import java.time.Duration;
import java.time.Instant;

/** A run as pages show it: its counters, what is pending, per cent done and speed, read from the run's row. */
public record RunProgress(
        long id,
        Instant scheduledAt,
        boolean extra,
        int total,
        int sent,
        int failed,
        int skipped,
        Instant startedAt,
        Instant finishedAt) {

    public static RunProgress of(MailingRun run) {
        return new RunProgress(
                run.getId(),
                run.getScheduledAt(),
                run.isExtra(),
                run.getTotal(),
                run.getSent(),
                run.getFailed(),
                run.getSkipped(),
                run.getStartedAt(),
                run.getFinishedAt());
    }

    public int pending() {
        return (int) RunFigures.pending(total, sent, failed, skipped);
    }

    /** Per cent of recipients done (sent, failed or skipped); 100 for a run without recipients. */
    public int percentDone() {
        return RunFigures.percentDone(total, pending());
    }

    public boolean finished() {
        return finishedAt != null;
    }

    /** From the first SMTP session to the end, or to {@code now} while it runs; null before it started. */
    public Duration duration(Instant now) {
        return RunFigures.duration(startedAt, finishedAt, now);
    }

    /** Messages sent or failed per second over the duration so far; null before it started. */
    public Double rate(Instant now) {
        return RunFigures.rate(sent + (long) failed, duration(now));
    }
}
