package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens("a secret of thirty-two bytes ok!".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenNamesItsDelivery() {
        assertEquals(OptionalLong.of(123_456_789L), tokens.deliveryOf(tokens.tokenFor(123_456_789L)));
    }

    @Test
    void tokensAreUrlSafeAndDifferPerDelivery() {
        String token = tokens.tokenFor(1);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertNotEquals(token, tokens.tokenFor(2));
    }

    @Test
    void anotherKeyCannotForgeATokenAndATamperedOneIsRefused() {
        String foreign = new UnsubscribeTokens("another secret of 32 bytes, too!".getBytes(StandardCharsets.UTF_8)).tokenFor(7);
        assertTrue(tokens.deliveryOf(foreign).isEmpty());
        String token = tokens.tokenFor(7);
        char last = token.charAt(token.length() - 1);
        assertTrue(tokens.deliveryOf(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')).isEmpty());
    }

    @Test
    void garbageIsRefusedQuietly() {
        assertTrue(tokens.deliveryOf(null).isEmpty());
        assertTrue(tokens.deliveryOf("").isEmpty());
        assertTrue(tokens.deliveryOf("not base64 !!").isEmpty());
        assertTrue(tokens.deliveryOf("x".repeat(500)).isEmpty());
    }
}
