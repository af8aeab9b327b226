package ru.rassylka.platform.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignerTest {

    private static final byte[] KEY = "a key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "delivery 42".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSignatureHasTheLengthAskedForAndVerifiesOnlyItsData() {
        Signer signer = new Signer(KEY, "", 8);
        byte[] signature = signer.signature(DATA);

        assertEquals(8, signature.length);
        assertTrue(signer.signs(DATA, signature));
        assertFalse(signer.signs("delivery 43".getBytes(StandardCharsets.US_ASCII), signature));
    }

    @Test
    void aSignatureForOnePurposeDoesNotVerifyForAnother() {
        byte[] signature = new Signer(KEY, "return-path:", 16).signature(DATA);

        assertFalse(new Signer(KEY, "", 16).signs(DATA, signature));
        assertFalse(new Signer(KEY, "unsubscribe:", 16).signs(DATA, signature));
    }

    @Test
    void aKeyShorterThanSixteenBytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Signer(new byte[15], "", 16));
    }

    @Test
    void freshKeysAreLongEnoughAndDiffer() {
        assertEquals(Signer.KEY_MIN_BYTES, Signer.freshKey().length);
        assertFalse(Arrays.equals(Signer.freshKey(), Signer.freshKey()));
    }

    @Test
    void aKeyIsReadAsHexDigitsOrBase64() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 - 100);
        }

        assertArrayEquals(key, Signer.key("KEY", HexFormat.of().formatHex(key)));
        assertArrayEquals(key, Signer.key("KEY", HexFormat.of().withUpperCase().formatHex(key)));
        assertArrayEquals(key, Signer.key("KEY", Base64.getEncoder().encodeToString(key)));
        assertArrayEquals(
                key,
                Signer.key("KEY", " " + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n"));
    }

    @Test
    void aKeyOfFewerThan32BytesIsRefusedWithoutRepeatingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Signer.key("UNSUBSCRIBE_SIGNING_KEY", shortKey));
        assertTrue(refused.getMessage().contains("UNSUBSCRIBE_SIGNING_KEY"), refused.getMessage());
        assertFalse(refused.getMessage().contains(shortKey), refused.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> Signer.key("KEY", "not a key at all, neither hex nor base64!"));
    }
}
