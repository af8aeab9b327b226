package ru.rassylka.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures that nobody can make without the key: the first bytes of an HMAC-SHA256 of the data
 * under a secret, preceded by a purpose so that one key never signs the same bytes for two uses.
 * Safe on any number of threads: each thread keeps its own initialised {@link Mac}, so none is
 * looked up per signature.
 */
public final class Signer {

    /** The fewest bytes of a key given in the environment or made on a first start. */
    public static final int KEY_MIN_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SECRET_MIN_BYTES = 16;

    private final SecretKeySpec key;
    private final byte[] purpose;
    private final int signatureBytes;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * Signs under {@code secret} the data preceded by {@code purpose} (empty for none), keeping the
     * first {@code signatureBytes} of the HMAC.
     */
    public Signer(byte[] secret, String purpose, int signatureBytes) {
        if (secret.length < SECRET_MIN_BYTES) {
            throw new IllegalArgumentException("The signing key is too short");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.purpose = purpose.getBytes(StandardCharsets.US_ASCII);
        this.signatureBytes = signatureBytes;
    }

    /**
     * A key as the environment gives it: hex digits ({@code openssl rand -hex 32}) or base64, also
     * URL-safe ({@code openssl rand -base64 32}), of at least {@value #KEY_MIN_BYTES} bytes. The
     * refusal names the setting, never the value.
     */
    public static byte[] key(String setting, String text) {
        String value = text.strip();
        byte[] key = new byte[0];
        if (value.matches("(?:[0-9a-fA-F]{2})+")) {
            key = HexFormat.of().parseHex(value);
        } else if (value.matches("[0-9A-Za-z+/_-]+={0,2}")) {
            try {
                key = Base64.getDecoder().decode(value.replace('-', '+').replace('_', '/'));
            } catch (IllegalArgumentException e) {
                // refused below, without the value
            }
        }
        if (key.length < KEY_MIN_BYTES) {
            throw new IllegalArgumentException(setting + " must be at least " + KEY_MIN_BYTES
                    + " random bytes written as hex digits or base64, e.g. the output of: openssl rand -hex 32");
        }
        return key;
    }

    /** A new random key of {@value #KEY_MIN_BYTES} bytes. */
    public static byte[] freshKey() {
        byte[] fresh = new byte[KEY_MIN_BYTES];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    /** The signature of {@code data}. */
    public byte[] signature(byte[] data) {
        Mac mac = macs.get();
        mac.update(purpose);
        byte[] full = mac.doFinal(data);
        byte[] cut = new byte[signatureBytes];
        System.arraycopy(full, 0, cut, 0, signatureBytes);
        return cut;
    }

    /** Whether {@code given} is the signature of {@code data}, compared in constant time. */
    public boolean signs(byte[] data, byte[] given) {
        return MessageDigest.isEqual(signature(data), given);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
