package ru.rassylka.delivery.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final byte[] OLD_KEY = bytes("the key before the rotation, 32+");
    private static final byte[] NEW_KEY = bytes("the key after the rotation, 32 b+");

    private final UnsubscribeTokens tokens =
            new UnsubscribeTokens("a secret of thirty-two bytes ok!".getBytes(StandardCharsets.UTF_8));

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
        String foreign =
                new UnsubscribeTokens("another secret of 32 bytes, too!".getBytes(StandardCharsets.UTF_8)).tokenFor(7);
        assertTrue(tokens.deliveryOf(foreign).isEmpty());
        String token = tokens.tokenFor(7);
        char last = token.charAt(token.length() - 1);
        assertTrue(tokens.deliveryOf(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))
                .isEmpty());
    }

    @Test
    void garbageIsRefusedQuietly() {
        assertTrue(tokens.deliveryOf(null).isEmpty());
        assertTrue(tokens.deliveryOf("").isEmpty());
        assertTrue(tokens.deliveryOf("not base64 !!").isEmpty());
        assertTrue(tokens.deliveryOf("x".repeat(500)).isEmpty());
    }

    @Test
    void aTokenSignedWithThePreviousKeyStillVerifies() {
        UnsubscribeTokens rotated = new UnsubscribeTokens(NEW_KEY, OLD_KEY);

        assertEquals(OptionalLong.of(42), rotated.deliveryOf(new UnsubscribeTokens(OLD_KEY).tokenFor(42)));
    }

    @Test
    void newTokensAreSignedWithTheCurrentKey() {
        String token = new UnsubscribeTokens(NEW_KEY, OLD_KEY).tokenFor(42);

        assertEquals(OptionalLong.of(42), new UnsubscribeTokens(NEW_KEY).deliveryOf(token));
        assertTrue(new UnsubscribeTokens(OLD_KEY).deliveryOf(token).isEmpty());
    }

    @Test
    void aTokenSignedWithAnUnknownKeyDoesNotVerify() {
        String foreign = new UnsubscribeTokens(bytes("a third key nobody configured ok")).tokenFor(42);

        assertTrue(new UnsubscribeTokens(NEW_KEY, OLD_KEY).deliveryOf(foreign).isEmpty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
