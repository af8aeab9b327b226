package ru.rassylka.stats;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.HourCount;

/** Hourly attempt counts gathered into days or months of a time zone, oldest first. */
public final class Periods {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private Periods() {}

    public static List<PeriodCount> days(Collection<HourCount> hours, ZoneId zone) {
        return gather(hours, hour -> DAY.format(hour.hour().atZone(zone)));
    }

    public static List<PeriodCount> months(Collection<HourCount> hours, ZoneId zone) {
        return gather(hours, hour -> MONTH.format(hour.hour().atZone(zone)));
    }

    private static List<PeriodCount> gather(Collection<HourCount> hours, Function<HourCount, String> period) {
        Map<String, long[]> periods = new TreeMap<>();
        for (HourCount hour : hours) {
            long[] counts = periods.computeIfAbsent(period.apply(hour), key -> new long[3]);
            if (hour.outcome() == DeliveryState.SENT) {
                counts[0] += hour.attempts();
            } else if (hour.outcome() == DeliveryState.FAILED) {
                counts[1] += hour.attempts();
            }
            counts[2] += hour.attempts();
        }
        return periods.entrySet().stream()
                .map(entry ->
                        new PeriodCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]))
                .toList();
    }
}
