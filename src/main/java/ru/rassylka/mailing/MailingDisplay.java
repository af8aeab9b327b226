package ru.rassylka.mailing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How pages show a mailing's status and times: on the owner's wall clock, with the zone named. */
@Named
@ApplicationScoped
public class MailingDisplay {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The computed status (CREATED, STARTED, COMPLETED), for a message key. */
    public String status(Mailing mailing) {
        return mailing.status(Instant.now()).name();
    }

    /** The next send in the zone, e.g. {@code 29.02.2028 10:00 (Europe/Moscow)}; empty when none will come. */
    public String nextSend(Mailing mailing, String zone) {
        return mailing.nextSend()
                .map(at -> dateTime(at, ZoneId.of(zone)) + " (" + zone + ")")
                .orElse("");
    }

    public static String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }

    public String firstSend(Mailing mailing) {
        LocalDateTime first = mailing.getFirstSend();
        return first == null ? "" : DATE_TIME.format(first) + " (" + mailing.getTimeZone() + ")";
    }

    public String endDate(Mailing mailing) {
        LocalDate end = mailing.getEndDate();
        return end == null ? "" : DATE.format(end);
    }
}
