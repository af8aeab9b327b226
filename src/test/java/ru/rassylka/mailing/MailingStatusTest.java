package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MailingStatusTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    // 9:00 in Berlin from 1 May 2028 is 07:00 UTC
    private static final Instant FIRST_SEND = Instant.parse("2028-05-01T07:00:00Z");

    private static Schedule once() {
        return new Schedule(LocalDateTime.parse("2028-05-01T09:00"), BERLIN, Periodicity.ONCE, null);
    }

    private static Schedule dailyUntil3May() {
        return new Schedule(
                LocalDateTime.parse("2028-05-01T09:00"), BERLIN, Periodicity.DAILY, LocalDate.parse("2028-05-03"));
    }

    private static Instant instant(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void onceMailingWaitingForItsSendIsCreated() {
        assertEquals(MailingStatus.CREATED, MailingStatus.of(once(), null, false, instant("2028-04-30T00:00:00Z")));
    }

    @Test
    void onceMailingBeingSentIsStarted() {
        assertEquals(MailingStatus.STARTED, MailingStatus.of(once(), FIRST_SEND, true, FIRST_SEND.plusSeconds(5)));
    }

    @Test
    void onceMailingThatWasSentIsCompleted() {
        assertEquals(
                MailingStatus.COMPLETED, MailingStatus.of(once(), FIRST_SEND, false, instant("2028-05-01T08:00:00Z")));
    }

    @Test
    void onceMailingMissedWhileTheServiceWasDownIsStillCreated() {
        assertEquals(MailingStatus.CREATED, MailingStatus.of(once(), null, false, instant("2028-05-09T00:00:00Z")));
    }

    @Test
    void periodicMailingWaitingForItsFirstSendIsCreated() {
        assertEquals(
                MailingStatus.CREATED,
                MailingStatus.of(dailyUntil3May(), null, false, instant("2028-04-30T00:00:00Z")));
    }

    @Test
    void firstRunInProgressIsStarted() {
        assertEquals(MailingStatus.STARTED, MailingStatus.of(dailyUntil3May(), null, true, FIRST_SEND.plusSeconds(5)));
    }

    @Test
    void periodicMailingThatSentAndWillSendAgainIsStarted() {
        assertEquals(
                MailingStatus.STARTED,
                MailingStatus.of(dailyUntil3May(), FIRST_SEND, false, instant("2028-05-01T12:00:00Z")));
    }

    @Test
    void periodicMailingThatMissedItsLastOccurrenceOnTheEndDateIsStillStarted() {
        assertEquals(
                MailingStatus.STARTED,
                MailingStatus.of(
                        dailyUntil3May(), instant("2028-05-02T07:00:00Z"), false, instant("2028-05-03T20:00:00Z")));
    }

    @Test
    void periodicMailingAfterItsLastOccurrenceRanIsCompleted() {
        assertEquals(
                MailingStatus.COMPLETED,
                MailingStatus.of(
                        dailyUntil3May(), instant("2028-05-03T07:00:00Z"), false, instant("2028-05-03T08:00:00Z")));
    }

    @Test
    void periodicMailingSendingItsLastOccurrenceIsStarted() {
        assertEquals(
                MailingStatus.STARTED,
                MailingStatus.of(
                        dailyUntil3May(), instant("2028-05-03T07:00:00Z"), true, instant("2028-05-04T08:00:00Z")));
    }

    @Test
    void periodicMailingWhoseEndDatePassedIsCompleted() {
        assertEquals(
                MailingStatus.COMPLETED,
                MailingStatus.of(
                        dailyUntil3May(), instant("2028-05-02T07:00:00Z"), false, instant("2028-05-10T00:00:00Z")));
    }

    @Test
    void periodicMailingWhoseEndDatePassedBeforeItEverRanIsCompleted() {
        assertEquals(
                MailingStatus.COMPLETED,
                MailingStatus.of(dailyUntil3May(), null, false, instant("2028-05-10T00:00:00Z")));
    }

    @Test
    void periodicMailingWithoutEndDateNeverCompletes() {
        Schedule monthly = new Schedule(LocalDateTime.parse("2028-01-31T09:00"), BERLIN, Periodicity.MONTHLY, null);

        assertEquals(
                MailingStatus.STARTED,
                MailingStatus.of(monthly, instant("2040-01-31T08:00:00Z"), false, instant("2040-02-01T00:00:00Z")));
    }
}
