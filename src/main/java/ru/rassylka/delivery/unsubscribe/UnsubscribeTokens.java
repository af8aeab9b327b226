package ru.rassylka.delivery.unsubscribe;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unsubscribe tokens: the delivery id with an HMAC-SHA256 of it under the service's secret key,
 * so each delivery has its own token that nobody can guess or forge without the key, and no
 * token needs to be stored for a million deliveries. During a key rotation the tokens of e-mails
 * already sent, signed with the previous key, still verify; new tokens use the current key.
 */
public final class UnsubscribeTokens {

    /** The fewest bytes of a key given in the environment. */
    public static final int KEY_MIN_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final List<SecretKeySpec> accepted = new ArrayList<>();
    /** One initialised MAC per thread and key, in the order of {@link #accepted}: none is looked up per token. */
    private final ThreadLocal<List<Mac>> macs = ThreadLocal.withInitial(this::newMacs);

    /** Signs with {@code secret}, and accepts tokens signed with it or with any of the {@code previous} keys. */
    public UnsubscribeTokens(byte[] secret, byte[]... previous) {
        this.key = spec(secret);
        accepted.add(key);
        for (byte[] old : previous) {
            accepted.add(spec(old));
        }
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

    public String tokenFor(long deliveryId) {
        byte[] id = ByteBuffer.allocate(Long.BYTES).putLong(deliveryId).array();
        return ENCODER.encodeToString(ByteBuffer.allocate(Long.BYTES + MAC_BYTES)
                .put(id)
                .put(mac(0, id))
                .array());
    }

    /** The delivery id of a genuine token, or empty for anything else. */
    public OptionalLong deliveryOf(String token) {
        if (token == null || token.length() > 64) {
            return OptionalLong.empty();
        }
        byte[] raw;
        try {
            raw = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (raw.length != Long.BYTES + MAC_BYTES) {
            return OptionalLong.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        byte[] id = new byte[Long.BYTES];
        byte[] given = new byte[MAC_BYTES];
        buffer.get(id).get(given);
        for (int i = 0; i < accepted.size(); i++) {
            if (MessageDigest.isEqual(mac(i, id), given)) {
                return OptionalLong.of(ByteBuffer.wrap(id).getLong());
            }
        }
        return OptionalLong.empty();
    }

    private static SecretKeySpec spec(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("The signing key is too short");
        }
        return new SecretKeySpec(secret, ALGORITHM);
    }

    /** The first {@value #MAC_BYTES} bytes of the HMAC of {@code id} under the {@code index}th accepted key (0: the current one). */
    private byte[] mac(int index, byte[] id) {
        byte[] full = macs.get().get(index).doFinal(id);
        byte[] cut = new byte[MAC_BYTES];
        System.arraycopy(full, 0, cut, 0, MAC_BYTES);
        return cut;
    }

    private List<Mac> newMacs() {
        List<Mac> made = new ArrayList<>(accepted.size());
        for (SecretKeySpec candidate : accepted) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(candidate);
                made.add(mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }
        return made;
    }
}
