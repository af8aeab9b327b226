package ru.rassylka.mail;

import jakarta.mail.internet.MailDateFormat;
import java.util.Date;

/** The {@code Date:} header of e-mails sent now, formatted once a second rather than once an e-mail. */
final class SentDates {

    private record Formatted(long second, String value) {}

    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private SentDates() {}

    static String now() {
        long second = Math.floorDiv(System.currentTimeMillis(), 1000L);
        Formatted formatted = last;
        if (formatted.second() != second) {
            // MailDateFormat is not thread-safe: one for each new second
            formatted = new Formatted(second, new MailDateFormat().format(new Date(second * 1000L)));
            last = formatted;
        }
        return formatted.value();
    }
}
