package ru.rassylka.mailing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * When a mailing sends: a first send on the owner's wall clock, repeated daily, weekly or monthly
 * until an optional end date.
 *
 * <p>The n-th occurrence (the first send is n = 0) is the first send plus n days, weeks or calendar
 * months on the owner's wall clock, always counted from the first send: monthly from 31 January
 * gives 28 (or 29) February, then 31 March, 30 April, 31 May. The wall-clock time is kept across
 * daylight saving changes, so the instants of neighbouring occurrences may be 23 or 25 hours apart.
 * A wall-clock time that does not exist on a day (a DST gap) is moved forward by the length of the
 * gap; one that exists twice (a DST overlap) takes the earlier offset, as {@link ZonedDateTime#of}
 * does.
 *
 * <p>The end date is inclusive: there is no occurrence whose scheduled wall-clock date is later.
 * It may be null (no end).
 */
public record Schedule(LocalDateTime firstSend, ZoneId zone, Periodicity periodicity, LocalDate endDate) {

    public Schedule {
        Objects.requireNonNull(firstSend, "firstSend");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(periodicity, "periodicity");
        if (endDate != null && endDate.isBefore(firstSend.toLocalDate())) {
            throw new IllegalArgumentException(
                    "The end date " + endDate + " is before the date of the first send " + firstSend.toLocalDate());
        }
    }

    /** The n-th scheduled send (n = 0 is the first send), or empty if the schedule ends before it. */
    public Optional<Instant> occurrence(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Occurrences are counted from 0, not from " + n);
        }
        return existing(n);
    }

    /** The earliest occurrence strictly after {@code t}, or empty if the schedule has ended by then. */
    public Optional<Instant> firstOccurrenceAfter(Instant t) {
        Objects.requireNonNull(t, "t");
        return existing(firstIndexAfter(t));
    }

    /**
     * The occurrence to run now, if any: the latest occurrence at or before {@code now} that is
     * strictly after {@code lastDone}.
     *
     * <p>Occurrences missed while the service was down are therefore run once, not once per miss:
     * all but the latest are skipped. The caller runs the returned occurrence once, records its
     * instant (the scheduled instant, not the time the run started) as the new {@code lastDone},
     * and then waits for {@link #firstOccurrenceAfter(Instant) firstOccurrenceAfter(now)}.
     *
     * <p>Once the end date has passed in the owner's zone (the date of {@code now} there is later
     * than the end date), nothing is due any more, even an occurrence that was missed: the mailing
     * is over.
     *
     * @param lastDone the scheduled instant of the last occurrence already run, or null if none;
     *     extra runs ("send now") are not occurrences and do not belong here
     * @param now the current instant
     * @return the occurrence due now, or empty if there is none to run
     */
    public Optional<Instant> nextDue(Instant lastDone, Instant now) {
        Objects.requireNonNull(now, "now");
        if (endDate != null && LocalDate.ofInstant(now, zone).isAfter(endDate)) {
            return Optional.empty();
        }
        long latest = firstIndexAfter(now) - 1;
        if (latest < 0) {
            return Optional.empty();
        }
        return existing(latest).filter(due -> lastDone == null || due.isAfter(lastDone));
    }

    private Optional<Instant> existing(long n) {
        return exists(n) ? Optional.of(instant(n)) : Optional.empty();
    }

    private boolean exists(long n) {
        if (n == 0) {
            return true;
        }
        return periodicity != Periodicity.ONCE
                && (endDate == null || !wallClock(n).toLocalDate().isAfter(endDate));
    }

    /** The index of the earliest occurrence strictly after t, ignoring the end date. */
    private long firstIndexAfter(Instant t) {
        if (periodicity == Periodicity.ONCE) {
            return instant(0).isAfter(t) ? 0 : 1;
        }
        // whole days/weeks/months on the wall clock since the first send; a DST offset moves it by at most one
        long n = Math.max(0, step().between(firstSend, LocalDateTime.ofInstant(t, zone)));
        while (n > 0 && instant(n - 1).isAfter(t)) {
            n--;
        }
        while (!instant(n).isAfter(t)) {
            n++;
        }
        return n;
    }

    private Instant instant(long n) {
        return ZonedDateTime.of(wallClock(n), zone).toInstant();
    }

    private LocalDateTime wallClock(long n) {
        // always from the first send, so a day clipped in a short month comes back in the next one
        return n == 0 ? firstSend : firstSend.plus(n, step());
    }

    private ChronoUnit step() {
        return switch (periodicity) {
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            case MONTHLY -> ChronoUnit.MONTHS;
            case ONCE -> throw new IllegalStateException("A once-only schedule does not repeat");
        };
    }
}
