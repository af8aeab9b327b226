package ru.rassylka.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import ru.rassylka.delivery.MailingRun;

/** A run's duration and speed as the runs table shows them. */
public final class RunFigures {

    private RunFigures() {}

    /** From the first SMTP session to the end (or to now while it runs); null before it started. */
    public static Duration duration(Instant started, Instant finished, Instant now) {
        return started == null ? null : Duration.between(started, finished == null ? now : finished);
    }

    /** Messages sent or failed per second over the duration; null without a duration. */
    public static Double rate(long done, Duration duration) {
        if (duration == null) {
            return null;
        }
        return done / Math.max(0.001, duration.toMillis() / 1000.0);
    }

    /** A duration as h:mm:ss, or an empty text. */
    public static String format(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    public static String format(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1f", rate);
    }

    public static Duration duration(MailingRun run, Instant now) {
        return duration(run.getStartedAt(), run.getFinishedAt(), now);
    }

    /** Per cent of recipients done (sent, failed or skipped); 100 for a run without recipients. */
    public static int percentDone(MailingRun run) {
        return run.getTotal() == 0 ? 100 : (int) ((run.getTotal() - run.getPending()) * 100L / run.getTotal());
    }
}
