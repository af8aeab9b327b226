package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateTimeInputTest {

    private final DateTimeInput dateTime = new DateTimeInput("dd.MM.yyyy HH:mm");
    private final DateTimeInput date = new DateTimeInput("dd.MM.yyyy");

    @Test
    void aRealDateAndTimeIsRead() {
        assertEquals(Optional.of(LocalDateTime.of(2027, 1, 31, 10, 0)), dateTime.parse("31.01.2027 10:00"));
        assertEquals(Optional.of(LocalDateTime.of(2028, 2, 29, 23, 59)), dateTime.parse(" 29.02.2028 23:59 "));
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), date.parse("29.02.2028"));
    }

    @Test
    void the31stOfFebruaryIsRefusedNotMovedToTheEndOfTheMonth() {
        assertEquals(Optional.empty(), dateTime.parse("31.02.2027 10:00"));
        assertEquals(Optional.empty(), dateTime.parse("29.02.2027 10:00"));
        assertEquals(Optional.empty(), date.parse("31.04.2027"));
    }

    @Test
    void impossibleTimesAndUnreadableTextAreRefused() {
        assertEquals(Optional.empty(), dateTime.parse("31.01.2027 24:30"));
        assertEquals(Optional.empty(), dateTime.parse("завтра"));
        assertEquals(Optional.empty(), dateTime.parse("31.01.2027"));
        assertEquals(Optional.empty(), date.parse("2027-01-31"));
    }

    @Test
    void valuesAreWrittenInThePatternAndTheExampleFollowsIt() {
        assertEquals("05.03.2027 09:07", dateTime.format(LocalDateTime.of(2027, 3, 5, 9, 7)));
        assertEquals("05.03.2027", date.format(LocalDate.of(2027, 3, 5)));
        assertEquals("31.01.2027 10:00", dateTime.example());
        assertEquals("31.01.2027", date.example());
    }
}
