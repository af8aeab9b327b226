package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.User;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.Message;

/** How a mailing plans its next send around runs, pauses and a manager's disable. */
class MailingTest {

    private static final LocalDateTime FIRST = LocalDateTime.of(2030, 3, 1, 10, 0);
    private static final Instant FIRST_AT = FIRST.toInstant(ZoneOffset.UTC);
    private static final Instant DAY = Instant.ofEpochSecond(86_400);

    private static Mailing daily(Instant now) {
        User owner = new User("owner@example.org", "hash", now);
        Mailing mailing = new Mailing(owner, now);
        Message message = new Message(owner, "Subject", "Body", BodyKind.PLAIN_TEXT, now);
        mailing.plan("Daily", message, new Schedule(FIRST, ZoneOffset.UTC, Periodicity.DAILY, null), now);
        return mailing;
    }

    private static Instant plusDays(Instant at, int days) {
        return at.plusSeconds(days * DAY.getEpochSecond());
    }

    @Test
    void aStartedOccurrencePlansTheNextOne() {
        Mailing mailing = daily(FIRST_AT.minusSeconds(60));
        mailing.occurrenceStarted(FIRST_AT, FIRST_AT.plusMillis(300));
        assertEquals(FIRST_AT, mailing.getLastOccurrenceAt());
        assertEquals(plusDays(FIRST_AT, 1), mailing.getNextRunAt());
        assertEquals(MailingStatus.STARTED, mailing.status(FIRST_AT.plusSeconds(1)));
    }

    @Test
    void occurrencesDueWhilePausedAreSkippedAndResumeWaitsForTheNextFutureOne() {
        Mailing mailing = daily(FIRST_AT.minusSeconds(60));
        mailing.pause(FIRST_AT.minusSeconds(30));
        mailing.occurrenceSkipped(FIRST_AT, FIRST_AT.plusSeconds(1));
        assertEquals(plusDays(FIRST_AT, 1), mailing.getNextRunAt());
        assertNull(mailing.getLastOccurrenceAt(), "a skipped occurrence is not a run");

        // resumed two and a half days later: the occurrences in between are not sent at once
        Instant resumed = plusDays(FIRST_AT, 2).plusSeconds(12 * 3600);
        mailing.resume(resumed);
        assertEquals(plusDays(FIRST_AT, 3), mailing.getNextRunAt());
    }

    @Test
    void enableAfterADisableWaitsForTheNextFutureOccurrence() {
        Mailing mailing = daily(FIRST_AT.minusSeconds(60));
        mailing.occurrenceStarted(FIRST_AT, FIRST_AT);
        mailing.disable(null, "Complaints", FIRST_AT.plusSeconds(60));
        mailing.enable(plusDays(FIRST_AT, 4).plusSeconds(60));
        assertEquals(plusDays(FIRST_AT, 5), mailing.getNextRunAt());
    }

    @Test
    void aOnceMailingWhoseOnlyOccurrenceWasSkippedIsCompleted() {
        User owner = new User("owner@example.org", "hash", FIRST_AT);
        Mailing mailing = new Mailing(owner, FIRST_AT.minusSeconds(60));
        mailing.plan(
                "Once",
                new Message(owner, "S", "B", BodyKind.PLAIN_TEXT, FIRST_AT),
                new Schedule(FIRST, ZoneOffset.UTC, Periodicity.ONCE, null),
                FIRST_AT.minusSeconds(60));
        mailing.pause(FIRST_AT.minusSeconds(30));
        mailing.occurrenceSkipped(FIRST_AT, FIRST_AT);
        mailing.resume(FIRST_AT.plusSeconds(60));
        assertNull(mailing.getNextRunAt());
        assertEquals(MailingStatus.COMPLETED, mailing.status(FIRST_AT.plusSeconds(61)));
    }

    @Test
    void aOnceOnlyMailingIsStartedWhileItsOnlyRunIsSendingAndCompletedAfterIt() {
        User owner = new User("owner@example.org", "hash", FIRST_AT.minusSeconds(60));
        Mailing mailing = new Mailing(owner, FIRST_AT.minusSeconds(60));
        Message message = new Message(owner, "Subject", "Body", BodyKind.PLAIN_TEXT, FIRST_AT.minusSeconds(60));
        mailing.plan(
                "Once",
                message,
                new Schedule(FIRST, ZoneOffset.UTC, Periodicity.ONCE, null),
                FIRST_AT.minusSeconds(60));
        mailing.runStarted();
        mailing.occurrenceStarted(FIRST_AT, FIRST_AT);

        assertNull(mailing.getNextRunAt(), "nothing is left to plan");
        assertEquals(MailingStatus.STARTED, mailing.status(FIRST_AT.plusSeconds(5)));
    }
}
