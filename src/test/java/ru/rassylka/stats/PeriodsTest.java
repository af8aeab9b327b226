package ru.rassylka.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.HourCount;

class PeriodsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void hoursFallIntoTheDayOfTheZoneNotOfUtc() {
        List<HourCount> hours = List.of(
                new HourCount(Instant.parse("2026-03-01T20:00:00Z"), DeliveryState.SENT, 5), // 23:00 in Moscow
                new HourCount(Instant.parse("2026-03-01T21:00:00Z"), DeliveryState.SENT, 7), // 00:00 on the 2nd
                new HourCount(Instant.parse("2026-03-01T21:00:00Z"), DeliveryState.FAILED, 1));

        assertEquals(
                List.of(new PeriodCount("2026-03-01", 5, 0, 5), new PeriodCount("2026-03-02", 7, 1, 8)),
                Periods.days(hours, MOSCOW));
    }

    @Test
    void retriesCountAsAttemptsButNeitherSentNorFailed() {
        List<HourCount> hours = List.of(
                new HourCount(Instant.parse("2026-01-10T10:00:00Z"), DeliveryState.RETRY, 4),
                new HourCount(Instant.parse("2026-01-31T10:00:00Z"), DeliveryState.SENT, 3),
                new HourCount(Instant.parse("2026-02-01T10:00:00Z"), DeliveryState.FAILED, 2));

        assertEquals(
                List.of(new PeriodCount("2026-01", 3, 0, 7), new PeriodCount("2026-02", 0, 2, 2)),
                Periods.months(hours, MOSCOW));
    }

    @Test
    void noHoursNoPeriods() {
        assertEquals(List.of(), Periods.months(List.of(), MOSCOW));
    }
}
