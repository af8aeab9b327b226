package ru.rassylka.delivery;

import java.time.Instant;

/** The current (latest) run of a mailing as its page shows it. */
public record RunProgress(long runId, Instant scheduledAt, boolean extra, int total, int sent, int failed, int skipped,
        boolean finished) {

    static RunProgress of(MailingRun run) {
        return new RunProgress(run.getId(), run.getScheduledAt(), run.isExtra(), run.getTotal(), run.getSent(),
                run.getFailed(), run.getSkipped(), run.isFinished());
    }

    public int pending() {
        return Math.max(0, total - sent - failed - skipped);
    }

    /** Per cent of recipients done (sent, failed or skipped); 100 for a run without recipients. */
    public int percentDone() {
        return total == 0 ? 100 : (int) ((total - pending()) * 100L / total);
    }
}
