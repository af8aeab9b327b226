package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings smtp(String host, MailSettings.Tls tls) {
        return new MailSettings(
                Optional.ofNullable(host),
                587,
                Optional.of("mailer"),
                Optional.of("secret"),
                tls,
                "Rassylka <no-reply@example.org>",
                2525,
                15_000);
    }

    @Test
    void withoutHostTheDevelopmentMailboxOnLoopbackReceivesEverything() {
        MailSettings settings = smtp(null, MailSettings.Tls.STARTTLS);
        Properties properties = settings.sessionProperties();

        assertTrue(settings.development());
        assertEquals("127.0.0.1", properties.getProperty("mail.smtp.host"));
        assertEquals("2525", properties.getProperty("mail.smtp.port"));
        assertEquals("false", properties.getProperty("mail.smtp.auth"));
        assertNull(properties.getProperty("mail.smtp.starttls.enable"));
    }

    @Test
    void everySmtpSessionHasConnectReadAndWriteTimeouts() {
        Properties properties =
                smtp("smtp.example.org", MailSettings.Tls.STARTTLS).sessionProperties();

        assertEquals("15000", properties.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("15000", properties.getProperty("mail.smtp.timeout"));
        assertEquals(15_000, ((WriteTimeoutSockets) properties.get("mail.smtp.socketFactory")).timeoutMillis());
        assertEquals("true", properties.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", properties.getProperty("mail.smtp.auth"));
    }

    @Test
    void sslUsesTheSmtpsTransport() {
        Properties properties = smtp("smtp.example.org", MailSettings.Tls.SSL).sessionProperties();

        assertEquals("smtps", properties.getProperty("mail.transport.protocol"));
        assertEquals("smtp.example.org", properties.getProperty("mail.smtps.host"));
        assertEquals("15000", properties.getProperty("mail.smtps.timeout"));
        assertEquals("15000", properties.getProperty("mail.smtps.writetimeout"));
    }

    @Test
    void descriptionNamesTheServerButNeverTheCredentials() {
        String description = smtp("smtp.example.org", MailSettings.Tls.NONE).describe();

        assertEquals("SMTP smtp.example.org:587", description);
        assertFalse(smtp("smtp.example.org", MailSettings.Tls.NONE).toString().contains("secret"));
    }
}
