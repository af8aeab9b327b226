package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rassylka.delivery.DeliveryState;

class AttemptTallyTest {

    private static final Instant TEN = Instant.parse("2026-03-01T10:00:00Z");

    private static SendResult attempt(long runId, Instant at, DeliveryState outcome, int code) {
        Claimed delivery = new Claimed(System.nanoTime(), runId, "a@example.org", "A", 0, 1);
        return new SendResult(delivery, new Verdict(outcome, code, "reply", false), 1, at, 5, null);
    }

    @Test
    void attemptsAreCountedPerRunHourOutcomeAndCode() {
        Map<AttemptTally.Key, Integer> tally = AttemptTally.of(List.of(
                attempt(1, TEN.plusSeconds(5), DeliveryState.SENT, 250),
                attempt(1, TEN.plusSeconds(3599), DeliveryState.SENT, 250),
                attempt(1, TEN.plusSeconds(3600), DeliveryState.SENT, 250),
                attempt(1, TEN, DeliveryState.FAILED, 550),
                attempt(2, TEN, DeliveryState.SENT, 250)));

        assertEquals(
                Map.of(
                        new AttemptTally.Key(1, TEN, DeliveryState.SENT, 250), 2,
                        new AttemptTally.Key(1, TEN.plusSeconds(3600), DeliveryState.SENT, 250), 1,
                        new AttemptTally.Key(1, TEN, DeliveryState.FAILED, 550), 1,
                        new AttemptTally.Key(2, TEN, DeliveryState.SENT, 250), 1),
                tally);
    }

    @Test
    void releasesAreNoAttempts() {
        Claimed delivery = new Claimed(1, 1, "a@example.org", "A", 0, 1);
        assertEquals(Map.of(), AttemptTally.of(List.of(SendResult.released(delivery, TEN))));
    }
}
