package ru.rassylka.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A run's figures from its counters and times: what is pending, per cent done, duration and speed; the one place they are computed. */
public final class RunFigures {

    private RunFigures() {}

    /** Recipients not yet final: neither sent, failed nor skipped. */
    public static long pending(long total, long sent, long failed, long skipped) {
        return Math.max(0, total - sent - failed - skipped);
    }

    /** Per cent of recipients done (sent, failed or skipped); 100 for a run without recipients. */
    public static int percentDone(long total, long pending) {
        return total == 0 ? 100 : (int) ((total - pending) * 100L / total);
    }

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
}
