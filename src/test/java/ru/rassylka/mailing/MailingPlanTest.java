package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailingPlanTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    // 10:00 in Moscow on 15 January 2026
    private static final Instant NOW = Instant.parse("2026-01-15T07:00:00Z");
    private static final LocalDateTime TOMORROW = LocalDateTime.of(2026, 1, 16, 9, 0);

    private static MailingPlan plan(LocalDateTime firstSend, LocalDate endDate) {
        return new MailingPlan("Январь", 7L, false, Set.of(1L), firstSend, Periodicity.MONTHLY, endDate);
    }

    @Test
    void aPlanWithEverythingInTheFutureIsAccepted() {
        assertEquals(
                Optional.empty(), plan(TOMORROW, LocalDate.of(2026, 12, 31)).problem(MOSCOW, NOW, null));
    }

    @Test
    void firstSendMustLieInTheFutureOfTheOwnersWallClock() {
        // 09:59 in Moscow is already past, although it is later than 07:00 UTC
        assertEquals(
                Optional.of("mailings.firstSendInPast"),
                plan(LocalDateTime.of(2026, 1, 15, 9, 59), null).problem(MOSCOW, NOW, null));
        assertEquals(
                Optional.empty(),
                plan(LocalDateTime.of(2026, 1, 15, 10, 1), null).problem(MOSCOW, NOW, null));
    }

    @Test
    void anEditMayKeepAFirstSendThatHasPassedButNotMoveItIntoThePast() {
        LocalDateTime past = LocalDateTime.of(2025, 12, 1, 9, 0);

        assertEquals(Optional.empty(), plan(past, null).problem(MOSCOW, NOW, past));
        assertEquals(
                Optional.of("mailings.firstSendInPast"),
                plan(past.minusDays(1), null).problem(MOSCOW, NOW, past));
    }

    @Test
    void endDateMayBeTheDayOfTheFirstSendButNotBefore() {
        assertEquals(Optional.empty(), plan(TOMORROW, TOMORROW.toLocalDate()).problem(MOSCOW, NOW, null));
        assertEquals(
                Optional.of("mailings.endBeforeFirst"),
                plan(TOMORROW, TOMORROW.toLocalDate().minusDays(1)).problem(MOSCOW, NOW, null));
    }

    @Test
    void someClientsOrAllAreNeeded() {
        MailingPlan nobody = new MailingPlan("x", 7L, false, Set.of(), TOMORROW, Periodicity.ONCE, null);
        MailingPlan everybody = new MailingPlan("x", 7L, true, null, TOMORROW, Periodicity.ONCE, null);

        assertEquals(Optional.of("mailings.recipientsRequired"), nobody.problem(MOSCOW, NOW, null));
        assertEquals(Optional.empty(), everybody.problem(MOSCOW, NOW, null));
    }

    @Test
    void nameMessageFirstSendAndPeriodicityAreRequired() {
        assertEquals(
                Optional.of("mailings.nameRequired"),
                new MailingPlan(" ", 7L, true, null, TOMORROW, Periodicity.ONCE, null).problem(MOSCOW, NOW, null));
        assertEquals(
                Optional.of("mailings.messageRequired"),
                new MailingPlan("x", null, true, null, TOMORROW, Periodicity.ONCE, null).problem(MOSCOW, NOW, null));
        assertEquals(
                Optional.of("mailings.firstSendRequired"),
                new MailingPlan("x", 7L, true, null, null, Periodicity.ONCE, null).problem(MOSCOW, NOW, null));
        assertEquals(
                Optional.of("mailings.periodicityRequired"),
                new MailingPlan("x", 7L, true, null, TOMORROW, null, null).problem(MOSCOW, NOW, null));
    }
}
