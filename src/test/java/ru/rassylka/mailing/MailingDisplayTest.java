package ru.rassylka.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.Message;

class MailingDisplayTest {

    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");
    private final MailingDisplay display = new MailingDisplay();

    private static Mailing monthlyFrom31January() {
        Mailing mailing = new Mailing(null, NOW);
        Message message = new Message(null, "Тема", "Текст", BodyKind.PLAIN_TEXT, NOW);
        mailing.plan(
                "Новости",
                message,
                new Schedule(
                        LocalDateTime.of(2028, 1, 31, 10, 0),
                        ZoneId.of("Europe/Moscow"),
                        Periodicity.MONTHLY,
                        LocalDate.of(2028, 12, 31)),
                NOW);
        return mailing;
    }

    @Test
    void nextSendIsShownOnTheWallClockOfTheGivenZoneWithItsName() {
        Mailing mailing = monthlyFrom31January();

        assertEquals("31.01.2028 10:00 (Europe/Moscow)", display.nextSend(mailing, "Europe/Moscow"));
        assertEquals("31.01.2028 12:00 (Asia/Yekaterinburg)", display.nextSend(mailing, "Asia/Yekaterinburg"));
        assertEquals("31.01.2028 10:00 (Europe/Moscow)", display.firstSend(mailing));
        assertEquals("31.12.2028", display.endDate(mailing));
    }

    @Test
    void pausedOrDisabledMailingShowsNoNextSend() {
        Mailing paused = monthlyFrom31January();
        paused.pause(NOW);
        Mailing disabled = monthlyFrom31January();
        disabled.disable(null, "спам", NOW);

        assertEquals("", display.nextSend(paused, "Europe/Moscow"));
        assertEquals("", display.nextSend(disabled, "Europe/Moscow"));
    }
}
