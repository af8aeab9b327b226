package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

class ReturnPathStampTest {

    private static final ReturnPathTokens TOKENS =
            new ReturnPathTokens("a key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theEnvelopeSenderIsTheDeliverysReturnPathWhenADomainIsSet() throws Exception {
        SMTPMessage message = new SMTPMessage(Session.getInstance(new Properties()));

        new ReturnPathStamp(Optional.of("bounce.example.org"), TOKENS).stamp(message, 42);

        assertEquals(TOKENS.addressFor(42, "bounce.example.org"), message.getEnvelopeFrom());
    }

    @Test
    void withoutADomainTheEnvelopeSenderIsLeftAlone() throws Exception {
        SMTPMessage message = new SMTPMessage(Session.getInstance(new Properties()));

        ReturnPathStamp stamp = new ReturnPathStamp(Optional.empty(), TOKENS);
        stamp.stamp(message, 42);

        assertNull(message.getEnvelopeFrom());
        assertEquals(Optional.empty(), stamp.addressFor(42));
    }
}
