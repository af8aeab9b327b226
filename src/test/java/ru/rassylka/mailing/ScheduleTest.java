package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Schedule schedule(String firstSend, ZoneId zone, Periodicity periodicity) {
        return new Schedule(LocalDateTime.parse(firstSend), zone, periodicity, null);
    }

    private static Schedule until(String firstSend, ZoneId zone, Periodicity periodicity, String endDate) {
        return new Schedule(LocalDateTime.parse(firstSend), zone, periodicity, LocalDate.parse(endDate));
    }

    private static Optional<Instant> at(String instant) {
        return Optional.of(Instant.parse(instant));
    }

    private static Instant instant(String instant) {
        return Instant.parse(instant);
    }

    private static LocalDateTime wallClock(Optional<Instant> occurrence, ZoneId zone) {
        return LocalDateTime.ofInstant(occurrence.orElseThrow(), zone);
    }

    private static Duration between(Schedule schedule, int n) {
        return Duration.between(
                schedule.occurrence(n).orElseThrow(), schedule.occurrence(n + 1).orElseThrow());
    }

    // Daily, weekly

    @Test
    void dailyRepeatsEveryDayAtTheSameTime() {
        Schedule daily = schedule("2028-05-10T09:00", BERLIN, Periodicity.DAILY);

        assertEquals(at("2028-05-10T07:00:00Z"), daily.occurrence(0));
        assertEquals(at("2028-05-11T07:00:00Z"), daily.occurrence(1));
        assertEquals(at("2028-06-09T07:00:00Z"), daily.occurrence(30));
    }

    @Test
    void weeklyRepeatsOnTheSameWeekdayAtTheSameTime() {
        Schedule weekly = schedule("2028-05-10T09:00", BERLIN, Periodicity.WEEKLY);

        assertEquals(at("2028-05-10T07:00:00Z"), weekly.occurrence(0));
        assertEquals(at("2028-05-17T07:00:00Z"), weekly.occurrence(1));
        assertEquals(at("2028-06-07T07:00:00Z"), weekly.occurrence(4));
    }

    // Monthly

    @Test
    void monthlyFrom31JanuaryFallsOn29February2028() {
        Schedule monthly = schedule("2028-01-31T09:00", BERLIN, Periodicity.MONTHLY);

        assertEquals(at("2028-01-31T08:00:00Z"), monthly.occurrence(0));
        assertEquals(at("2028-02-29T08:00:00Z"), monthly.occurrence(1));
    }

    @Test
    void monthlyFrom31JanuaryComesBackTo31MarchAndKeepsTheLastDayOfShortMonths() {
        Schedule monthly = schedule("2028-01-31T09:00", BERLIN, Periodicity.MONTHLY);

        assertEquals(LocalDateTime.parse("2028-03-31T09:00"), wallClock(monthly.occurrence(2), BERLIN));
        assertEquals(LocalDateTime.parse("2028-04-30T09:00"), wallClock(monthly.occurrence(3), BERLIN));
        assertEquals(LocalDateTime.parse("2028-05-31T09:00"), wallClock(monthly.occurrence(4), BERLIN));
        assertEquals(LocalDateTime.parse("2029-02-28T09:00"), wallClock(monthly.occurrence(13), BERLIN));
    }

    @Test
    void monthlyFrom31JanuaryFallsOn28February2027() {
        Schedule monthly = schedule("2027-01-31T09:00", BERLIN, Periodicity.MONTHLY);

        assertEquals(at("2027-02-28T08:00:00Z"), monthly.occurrence(1));
        assertEquals(LocalDateTime.parse("2027-03-31T09:00"), wallClock(monthly.occurrence(2), BERLIN));
    }

    @Test
    void monthlyFrom30thFallsOnTheLastDayOfFebruaryAndReturnsTo30th() {
        Schedule leapYear = schedule("2028-01-30T09:00", BERLIN, Periodicity.MONTHLY);
        Schedule commonYear = schedule("2027-01-30T09:00", BERLIN, Periodicity.MONTHLY);

        assertEquals(LocalDateTime.parse("2028-02-29T09:00"), wallClock(leapYear.occurrence(1), BERLIN));
        assertEquals(LocalDateTime.parse("2028-03-30T09:00"), wallClock(leapYear.occurrence(2), BERLIN));
        assertEquals(LocalDateTime.parse("2028-04-30T09:00"), wallClock(leapYear.occurrence(3), BERLIN));
        assertEquals(LocalDateTime.parse("2027-02-28T09:00"), wallClock(commonYear.occurrence(1), BERLIN));
        assertEquals(LocalDateTime.parse("2027-03-30T09:00"), wallClock(commonYear.occurrence(2), BERLIN));
    }

    // Daylight saving time

    @Test
    void dailyOverSpringForwardInBerlinKeeps9OClockAndIs23HoursApart() {
        Schedule daily = schedule("2028-03-25T09:00", BERLIN, Periodicity.DAILY);

        assertEquals(at("2028-03-25T08:00:00Z"), daily.occurrence(0));
        assertEquals(at("2028-03-26T07:00:00Z"), daily.occurrence(1));
        assertEquals(Duration.ofHours(23), between(daily, 0));
    }

    @Test
    void dailyOverFallBackInBerlinKeeps9OClockAndIs25HoursApart() {
        Schedule daily = schedule("2028-10-28T09:00", BERLIN, Periodicity.DAILY);

        assertEquals(at("2028-10-28T07:00:00Z"), daily.occurrence(0));
        assertEquals(at("2028-10-29T08:00:00Z"), daily.occurrence(1));
        assertEquals(Duration.ofHours(25), between(daily, 0));
    }

    @Test
    void weeklyOverSpringForwardInBerlinKeeps9OClockAndIsAnHourShorter() {
        Schedule weekly = schedule("2028-03-19T09:00", BERLIN, Periodicity.WEEKLY);

        assertEquals(at("2028-03-19T08:00:00Z"), weekly.occurrence(0));
        assertEquals(at("2028-03-26T07:00:00Z"), weekly.occurrence(1));
        assertEquals(Duration.ofDays(7).minusHours(1), between(weekly, 0));
    }

    @Test
    void weeklyOverFallBackInBerlinKeeps9OClockAndIsAnHourLonger() {
        Schedule weekly = schedule("2028-10-22T09:00", BERLIN, Periodicity.WEEKLY);

        assertEquals(at("2028-10-22T07:00:00Z"), weekly.occurrence(0));
        assertEquals(at("2028-10-29T08:00:00Z"), weekly.occurrence(1));
        assertEquals(Duration.ofDays(7).plusHours(1), between(weekly, 0));
    }

    @Test
    void dailyOverSpringForwardInNewYorkKeeps9OClockAndIs23HoursApart() {
        Schedule daily = schedule("2028-03-11T09:00", NEW_YORK, Periodicity.DAILY);

        assertEquals(at("2028-03-11T14:00:00Z"), daily.occurrence(0));
        assertEquals(at("2028-03-12T13:00:00Z"), daily.occurrence(1));
        assertEquals(Duration.ofHours(23), between(daily, 0));
    }

    @Test
    void dailyOverFallBackInNewYorkKeeps9OClockAndIs25HoursApart() {
        Schedule daily = schedule("2028-11-04T09:00", NEW_YORK, Periodicity.DAILY);

        assertEquals(at("2028-11-04T13:00:00Z"), daily.occurrence(0));
        assertEquals(at("2028-11-05T14:00:00Z"), daily.occurrence(1));
        assertEquals(Duration.ofHours(25), between(daily, 0));
    }

    @Test
    void weeklyOverSpringForwardInNewYorkKeeps9OClockAndIsAnHourShorter() {
        Schedule weekly = schedule("2028-03-05T09:00", NEW_YORK, Periodicity.WEEKLY);

        assertEquals(at("2028-03-05T14:00:00Z"), weekly.occurrence(0));
        assertEquals(at("2028-03-12T13:00:00Z"), weekly.occurrence(1));
        assertEquals(Duration.ofDays(7).minusHours(1), between(weekly, 0));
    }

    @Test
    void weeklyOverFallBackInNewYorkKeeps9OClockAndIsAnHourLonger() {
        Schedule weekly = schedule("2028-10-29T09:00", NEW_YORK, Periodicity.WEEKLY);

        assertEquals(at("2028-10-29T13:00:00Z"), weekly.occurrence(0));
        assertEquals(at("2028-11-05T14:00:00Z"), weekly.occurrence(1));
        assertEquals(Duration.ofDays(7).plusHours(1), between(weekly, 0));
    }

    @Test
    void firstSendInsideTheSpringForwardGapMovesForwardByTheGapAndLaterDaysKeepTheChosenTime() {
        Schedule daily = schedule("2028-03-26T02:30", BERLIN, Periodicity.DAILY);

        assertEquals(at("2028-03-26T01:30:00Z"), daily.occurrence(0));
        assertEquals(LocalDateTime.parse("2028-03-26T03:30"), wallClock(daily.occurrence(0), BERLIN));
        assertEquals(LocalDateTime.parse("2028-03-27T02:30"), wallClock(daily.occurrence(1), BERLIN));
    }

    @Test
    void dailyTimeSkippedBySpringForwardSendsAnHourLaterOnThatDayOnly() {
        Schedule daily = schedule("2028-03-25T02:30", BERLIN, Periodicity.DAILY);

        assertEquals(LocalDateTime.parse("2028-03-25T02:30"), wallClock(daily.occurrence(0), BERLIN));
        assertEquals(LocalDateTime.parse("2028-03-26T03:30"), wallClock(daily.occurrence(1), BERLIN));
        assertEquals(LocalDateTime.parse("2028-03-27T02:30"), wallClock(daily.occurrence(2), BERLIN));
    }

    @Test
    void timeThatOccursTwiceAtFallBackTakesTheEarlierOffset() {
        Schedule daily = schedule("2028-10-28T02:30", BERLIN, Periodicity.DAILY);

        assertEquals(at("2028-10-29T00:30:00Z"), daily.occurrence(1));
    }

    // End date, once, validation

    @Test
    void endDateIsInclusive() {
        Schedule daily = until("2028-03-01T23:30", BERLIN, Periodicity.DAILY, "2028-03-03");

        assertEquals(LocalDateTime.parse("2028-03-03T23:30"), wallClock(daily.occurrence(2), BERLIN));
        assertEquals(Optional.empty(), daily.occurrence(3));
        assertEquals(
                Optional.empty(), daily.firstOccurrenceAfter(daily.occurrence(2).orElseThrow()));
    }

    @Test
    void endDateOnTheDayOfTheFirstSendLeavesOnlyTheFirstSend() {
        Schedule weekly = until("2028-03-01T09:00", BERLIN, Periodicity.WEEKLY, "2028-03-01");

        assertEquals(at("2028-03-01T08:00:00Z"), weekly.occurrence(0));
        assertEquals(Optional.empty(), weekly.occurrence(1));
    }

    @Test
    void endDateBeforeTheFirstSendIsRejectedWithBothDates() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> until("2028-03-01T09:00", BERLIN, Periodicity.DAILY, "2028-02-29"));

        assertTrue(error.getMessage().contains("2028-02-29"), error.getMessage());
        assertTrue(error.getMessage().contains("2028-03-01"), error.getMessage());
    }

    @Test
    void missingFirstSendZoneOrPeriodicityIsRejected() {
        LocalDateTime firstSend = LocalDateTime.parse("2028-03-01T09:00");

        assertThrows(NullPointerException.class, () -> new Schedule(null, BERLIN, Periodicity.DAILY, null));
        assertThrows(NullPointerException.class, () -> new Schedule(firstSend, null, Periodicity.DAILY, null));
        assertThrows(NullPointerException.class, () -> new Schedule(firstSend, BERLIN, null, null));
    }

    @Test
    void negativeOccurrenceNumberIsRejected() {
        Schedule daily = schedule("2028-03-01T09:00", BERLIN, Periodicity.DAILY);

        assertThrows(IllegalArgumentException.class, () -> daily.occurrence(-1));
    }

    @Test
    void onceHasOnlyTheFirstSend() {
        Schedule once = schedule("2028-03-01T09:00", BERLIN, Periodicity.ONCE);

        assertEquals(at("2028-03-01T08:00:00Z"), once.occurrence(0));
        assertEquals(Optional.empty(), once.occurrence(1));
        assertEquals(at("2028-03-01T08:00:00Z"), once.firstOccurrenceAfter(instant("2028-02-01T00:00:00Z")));
        assertEquals(Optional.empty(), once.firstOccurrenceAfter(instant("2028-03-01T08:00:00Z")));
    }

    // First occurrence after

    @Test
    void firstOccurrenceAfterBeforeTheFirstSendIsTheFirstSend() {
        Schedule daily = schedule("2028-03-01T09:00", BERLIN, Periodicity.DAILY);

        assertEquals(at("2028-03-01T08:00:00Z"), daily.firstOccurrenceAfter(instant("2020-01-01T00:00:00Z")));
    }

    @Test
    void firstOccurrenceAfterIsStrictlyAfter() {
        Schedule daily = schedule("2028-03-01T09:00", BERLIN, Periodicity.DAILY);
        Instant third = daily.occurrence(3).orElseThrow();

        assertEquals(daily.occurrence(4), daily.firstOccurrenceAfter(third));
        assertEquals(daily.occurrence(3), daily.firstOccurrenceAfter(third.minusNanos(1)));
    }

    @Test
    void firstOccurrenceAfterOnSchedulesStartedYearsAgo() {
        Schedule daily = schedule("2015-01-01T09:00", BERLIN, Periodicity.DAILY);
        Schedule weekly = schedule("2015-01-01T09:00", BERLIN, Periodicity.WEEKLY);
        Schedule monthly = schedule("2016-01-31T09:00", BERLIN, Periodicity.MONTHLY);

        assertEquals(at("2028-06-16T07:00:00Z"), daily.firstOccurrenceAfter(instant("2028-06-15T12:00:00Z")));
        assertEquals(at("2028-06-15T07:00:00Z"), daily.firstOccurrenceAfter(instant("2028-06-15T06:59:59Z")));
        // 1 January 2015 was a Thursday, so was 15 June 2028
        assertEquals(at("2028-06-22T07:00:00Z"), weekly.firstOccurrenceAfter(instant("2028-06-15T07:00:00Z")));
        assertEquals(at("2028-02-29T08:00:00Z"), monthly.firstOccurrenceAfter(instant("2028-02-15T00:00:00Z")));
    }

    @Test
    void firstOccurrenceAfterIsComputedWithoutWalkingThroughEveryPastOccurrence() {
        Schedule daily = schedule("1900-01-01T09:00", BERLIN, Periodicity.DAILY);
        Instant farFuture =
                ZonedDateTime.of(500_000_000, 6, 15, 12, 0, 0, 0, BERLIN).toInstant();

        Optional<Instant> next =
                assertTimeoutPreemptively(Duration.ofSeconds(1), () -> daily.firstOccurrenceAfter(farFuture));

        assertEquals(LocalDateTime.of(500_000_000, 6, 16, 9, 0), wallClock(next, BERLIN));
    }

    @Test
    void firstOccurrenceAfterMonthlyFindsTheClippedAndTheRestoredDay() {
        Schedule monthly = schedule("2028-01-31T09:00", BERLIN, Periodicity.MONTHLY);

        assertEquals(
                LocalDateTime.parse("2028-03-31T09:00"),
                wallClock(monthly.firstOccurrenceAfter(instant("2028-02-29T09:00:00Z")), BERLIN));
        assertEquals(
                LocalDateTime.parse("2028-04-30T09:00"),
                wallClock(monthly.firstOccurrenceAfter(instant("2028-04-30T06:00:00Z")), BERLIN));
    }

    @Test
    void firstOccurrenceAfterTheEndDateIsEmpty() {
        Schedule daily = until("2020-03-01T09:00", BERLIN, Periodicity.DAILY, "2021-03-01");

        assertEquals(Optional.empty(), daily.firstOccurrenceAfter(instant("2028-01-01T00:00:00Z")));
    }

    // Next due

    @Test
    void nextDueRunsOnlyTheLatestOfManyMissedOccurrences() {
        Schedule daily = schedule("2028-05-01T09:00", BERLIN, Periodicity.DAILY);
        Instant lastDone = instant("2028-05-01T07:00:00Z");
        Instant now = instant("2028-05-10T10:00:00Z");

        Instant due = daily.nextDue(lastDone, now).orElseThrow();

        assertEquals(instant("2028-05-10T07:00:00Z"), due);
        assertEquals(Optional.empty(), daily.nextDue(due, now));
        assertEquals(at("2028-05-11T07:00:00Z"), daily.firstOccurrenceAfter(now));
    }

    @Test
    void nextDueRunsTheLatestMissedMonthlyOccurrence() {
        Schedule monthly = schedule("2028-01-31T09:00", BERLIN, Periodicity.MONTHLY);

        assertEquals(
                LocalDateTime.parse("2028-04-30T09:00"),
                wallClock(monthly.nextDue(instant("2028-01-31T08:00:00Z"), instant("2028-05-15T00:00:00Z")), BERLIN));
    }

    @Test
    void nextDueIsTheFirstSendOnceItsTimeHasCome() {
        Schedule daily = schedule("2028-05-01T09:00", BERLIN, Periodicity.DAILY);
        Instant firstSend = instant("2028-05-01T07:00:00Z");

        assertEquals(Optional.empty(), daily.nextDue(null, firstSend.minusSeconds(1)));
        assertEquals(Optional.of(firstSend), daily.nextDue(null, firstSend));
    }

    @Test
    void nextDueIsEmptyBetweenOccurrencesAlreadyRun() {
        Schedule weekly = schedule("2028-05-01T09:00", BERLIN, Periodicity.WEEKLY);

        assertEquals(
                Optional.empty(), weekly.nextDue(instant("2028-05-08T07:00:00Z"), instant("2028-05-12T00:00:00Z")));
    }

    @Test
    void nextDueRunsAMissedLastOccurrenceWhileItsEndDateLasts() {
        Schedule daily = until("2028-05-01T09:00", BERLIN, Periodicity.DAILY, "2028-05-03");

        assertEquals(
                at("2028-05-03T07:00:00Z"),
                daily.nextDue(instant("2028-05-02T07:00:00Z"), instant("2028-05-03T21:00:00Z")));
    }

    @Test
    void nextDueIsEmptyOnceTheEndDateHasPassedInTheOwnersZone() {
        Schedule daily = until("2028-05-01T09:00", BERLIN, Periodicity.DAILY, "2028-05-03");

        // 22:30 UTC on 3 May is already 4 May in Berlin
        assertEquals(Optional.empty(), daily.nextDue(instant("2028-05-02T07:00:00Z"), instant("2028-05-03T22:30:00Z")));
        assertEquals(Optional.empty(), daily.nextDue(null, instant("2028-06-01T00:00:00Z")));
    }

    @Test
    void nextDueOfAMissedOnceMailingIsItsOnlySend() {
        Schedule once = schedule("2028-05-01T09:00", BERLIN, Periodicity.ONCE);
        Instant now = instant("2028-05-05T00:00:00Z");

        assertEquals(at("2028-05-01T07:00:00Z"), once.nextDue(null, now));
        assertEquals(Optional.empty(), once.nextDue(instant("2028-05-01T07:00:00Z"), now));
    }
}
