package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReturnPathTokensTest {

    private final ReturnPathTokens tokens =
            new ReturnPathTokens("a key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aTokenNamesItsDelivery() {
        assertEquals(OptionalLong.of(123456789L), tokens.deliveryOf(tokens.tokenFor(123456789L)));
    }

    @Test
    void theReturnPathIsBouncesPlusTheTokenAtTheDomain() {
        String address = tokens.addressFor(42, "bounce.example.org");
        assertTrue(address.matches("bounces\\+42-[0-9a-f]{16}@bounce\\.example\\.org"), address);
    }

    @Test
    void aTokenWhoseCaseAMailServerChangedStillNamesItsDelivery() {
        assertEquals(OptionalLong.of(7L), tokens.deliveryOf(tokens.tokenFor(7).toUpperCase(Locale.ROOT)));
    }

    @Test
    void anotherDeliveryIdWithTheSameSignatureNamesNothing() {
        String token = tokens.tokenFor(41);
        assertEquals(OptionalLong.empty(), tokens.deliveryOf("42" + token.substring(token.indexOf('-'))));
    }

    @Test
    void anAlteredSignatureNamesNothing() {
        String token = tokens.tokenFor(41);
        char last = token.charAt(token.length() - 1);
        assertEquals(
                OptionalLong.empty(),
                tokens.deliveryOf(token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0')));
    }

    @Test
    void aTokenSignedWithAnotherKeyNamesNothing() {
        ReturnPathTokens other =
                new ReturnPathTokens("another key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII));
        assertNotEquals(tokens.tokenFor(5), other.tokenFor(5));
        assertEquals(OptionalLong.empty(), tokens.deliveryOf(other.tokenFor(5)));
    }

    @Test
    void garbageNamesNothing() {
        for (String garbage : new String[] {
            null,
            "",
            "-",
            "0-0000000000000000",
            "12",
            "x-y",
            "99999999999999999999-0000000000000000",
            "1-" + "0".repeat(60)
        }) {
            assertEquals(OptionalLong.empty(), tokens.deliveryOf(garbage), String.valueOf(garbage));
        }
    }

    @Test
    void theTokenIsFoundInAHeaderThatNamesTheReturnPath() {
        String token = tokens.tokenFor(99);
        assertEquals(
                Optional.of(token),
                ReturnPathTokens.tokenIn(
                        "Return-Path: <BOUNCES+" + token.toUpperCase(Locale.ROOT) + "@bounce.example.org>"));
        assertEquals(Optional.empty(), ReturnPathTokens.tokenIn("To: someone@example.org"));
    }
}
