package ru.rassylka.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most one log line per interval for each kind of event, so that a flood of anonymous requests
 * cannot fill the disk with lines; the events held back are counted and told in the next line
 * ("and 399 more since …"). Kinds must be a few fixed names, never text from a request.
 */
public final class ThrottledLog {

    private final Duration interval;
    private final InstantSource clock;
    private final Map<String, Written> lastLines = new HashMap<>();

    /** When the last line of a kind was written, and how many events were held back since. */
    private record Written(Instant at, long heldBack) {}

    public ThrottledLog(Duration interval, InstantSource clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** The line to log for one more event of this kind, or empty when it is held back (and counted). */
    public synchronized Optional<String> line(String kind, String text) {
        Instant now = clock.instant();
        Written last = lastLines.get(kind);
        if (last != null && now.isBefore(last.at().plus(interval))) {
            lastLines.put(kind, new Written(last.at(), last.heldBack() + 1));
            return Optional.empty();
        }
        lastLines.put(kind, new Written(now, 0));
        if (last == null || last.heldBack() == 0) {
            return Optional.of(text);
        }
        return Optional.of(text + " (and " + last.heldBack() + " more since " + last.at() + ")");
    }
}
