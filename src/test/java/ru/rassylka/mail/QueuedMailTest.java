package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueuedMailTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aTemporaryErrorIsTriedAgainAMinuteLater() {
        QueuedMail mail = new QueuedMail(OutgoingMail.plain("ivan@example.org", "Тема", "Текст"), NOW);

        mail.attemptFailed("451 Try later", false, NOW);

        assertNull(mail.getFailedAt());
        assertEquals(1, mail.getAttempts());
    }

    @Test
    void aPermanentErrorEndsTheMailAtItsFirstAttempt() {
        QueuedMail mail = new QueuedMail(OutgoingMail.plain("стас@example.org", "Тема", "Текст"), NOW);

        mail.attemptFailed(Smtputf8NotOffered.REASON, true, NOW);

        assertEquals(NOW, mail.getFailedAt());
        assertEquals(1, mail.getAttempts());
    }
}
