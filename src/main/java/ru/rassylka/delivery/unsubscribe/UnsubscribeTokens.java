package ru.rassylka.delivery.unsubscribe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import ru.rassylka.platform.signing.Signer;

/**
 * Unsubscribe tokens: the delivery id with an HMAC-SHA256 of it under the service's secret key,
 * so each delivery has its own token that nobody can guess or forge without the key, and no
 * token needs to be stored for a million deliveries. During a key rotation the tokens of e-mails
 * already sent, signed with the previous key, still verify; new tokens use the current key.
 */
public final class UnsubscribeTokens {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The signers of the accepted keys, the current one first. */
    private final List<Signer> accepted = new ArrayList<>();

    /** Signs with {@code secret}, and accepts tokens signed with it or with any of the {@code previous} keys. */
    public UnsubscribeTokens(byte[] secret, byte[]... previous) {
        accepted.add(signer(secret));
        for (byte[] old : previous) {
            accepted.add(signer(old));
        }
    }

    public String tokenFor(long deliveryId) {
        byte[] id = ByteBuffer.allocate(Long.BYTES).putLong(deliveryId).array();
        return ENCODER.encodeToString(ByteBuffer.allocate(Long.BYTES + MAC_BYTES)
                .put(id)
                .put(accepted.get(0).signature(id))
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
        for (Signer signer : accepted) {
            if (signer.signs(id, given)) {
                return OptionalLong.of(ByteBuffer.wrap(id).getLong());
            }
        }
        return OptionalLong.empty();
    }

    /** The links' tokens sign the bare delivery id: no purpose before it, as since the first links were sent. */
    private static Signer signer(byte[] secret) {
        return new Signer(secret, "", MAC_BYTES);
    }
}
