package ru.rassylka.delivery;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unsubscribe tokens: the delivery id with an HMAC-SHA256 of it under the service's secret key,
 * so each delivery has its own token that nobody can guess or forge without the key, and no
 * token needs to be stored for a million deliveries.
 */
public final class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public UnsubscribeTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("The signing key is too short");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public String tokenFor(long deliveryId) {
        byte[] id = ByteBuffer.allocate(Long.BYTES).putLong(deliveryId).array();
        return ENCODER.encodeToString(ByteBuffer.allocate(Long.BYTES + MAC_BYTES).put(id).put(mac(id)).array());
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
        return MessageDigest.isEqual(mac(id), given) ? OptionalLong.of(ByteBuffer.wrap(id).getLong()) : OptionalLong.empty();
    }

    private byte[] mac(byte[] id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] full = mac.doFinal(id);
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return cut;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
