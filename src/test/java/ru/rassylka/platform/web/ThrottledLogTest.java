package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** A clock the test moves by hand. */
    private static final class Hands implements InstantSource {
        Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();
    private final ThrottledLog log = new ThrottledLog(Duration.ofSeconds(10), clock);

    @Test
    void aFloodOfForgedPostsWritesOneLinePerIntervalWithTheCountOfTheRest() {
        List<String> written = new ArrayList<>();
        for (int post = 0; post < 1000; post++) {
            clock.now = START.plusMillis(post * 25L); // 40 posts a second for 25 seconds
            log.line("view state", "post " + post).ifPresent(written::add);
        }

        assertEquals(
                List.of(
                        "post 0",
                        "post 400 (and 399 more since 2026-03-01T10:00:00Z)",
                        "post 800 (and 399 more since 2026-03-01T10:00:10Z)"),
                written);
    }

    @Test
    void eachKindHasItsOwnAllowance() {
        assertEquals(Optional.of("a"), log.line("view state", "a"));
        assertEquals(Optional.of("b"), log.line("nonce", "b"));
        assertEquals(Optional.empty(), log.line("view state", "c"));
    }

    @Test
    void aLoneLineAfterAQuietIntervalIsWrittenWithoutACount() {
        log.line("view state", "first");
        clock.now = START.plusSeconds(60);

        assertEquals(Optional.of("second"), log.line("view state", "second"));
    }
}
