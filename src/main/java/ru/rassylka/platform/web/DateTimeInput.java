package ru.rassylka.platform.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Reads a date or a date and time typed in a form by its pattern ({@code dd.MM.yyyy HH:mm}),
 * strictly: a day that the month does not have (31.02) is refused instead of moved to its end.
 */
public final class DateTimeInput {

    private final DateTimeFormatter format;
    private final boolean withTime;

    /** An input of this pattern in the notation of {@link DateTimeFormatter}; a year as {@code yyyy}. */
    public DateTimeInput(String pattern) {
        // strict resolving reads yyyy as a year of an era it is not told; uuuu is the plain year
        this.format = DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
        this.withTime = pattern.contains("H");
    }

    /** The value typed, or empty when it is not a real date (and time) in this pattern. */
    public Optional<Object> parse(String text) {
        try {
            TemporalAccessor parsed = format.parse(text.strip());
            return Optional.of(withTime ? LocalDateTime.from(parsed) : LocalDate.from(parsed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The text of a value in this pattern. */
    public String format(Object value) {
        return format.format((TemporalAccessor) value);
    }

    /** How a valid value looks, for the message about an invalid one. */
    public String example() {
        return format.format(LocalDateTime.of(2027, 1, 31, 10, 0));
    }
}
