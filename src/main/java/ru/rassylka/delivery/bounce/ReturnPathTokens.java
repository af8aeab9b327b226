package ru.rassylka.delivery.bounce;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rassylka.platform.signing.Signer;

/**
 * The tokens of return paths ({@code bounces+<token>@BOUNCE_DOMAIN}): the delivery id and the
 * first 8 bytes of an HMAC-SHA256 of it, in lower-case hex, so a bounce names its delivery and a
 * made-up or altered token names none. Digits, letters a–f and one hyphen survive mail servers
 * that change the case of a local part or refuse unusual characters.
 */
public final class ReturnPathTokens {

    /** The local part before the {@code +} of every return path. */
    public static final String LOCAL_PART = "bounces";

    private static final String PURPOSE = "return-path:";
    private static final int MAC_BYTES = 8;
    private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,18})-([0-9a-f]{" + MAC_BYTES * 2 + "})");
    private static final Pattern IN_ADDRESS =
            Pattern.compile("(?i)" + LOCAL_PART + "\\+([0-9]{1,19}-[0-9a-f]{" + MAC_BYTES * 2 + "})@");

    private final Signer signer;

    public ReturnPathTokens(byte[] secret) {
        this.signer = new Signer(secret, PURPOSE, MAC_BYTES);
    }

    public String tokenFor(long deliveryId) {
        if (deliveryId <= 0) {
            throw new IllegalArgumentException("A delivery id is positive: " + deliveryId);
        }
        return deliveryId + "-" + HexFormat.of().formatHex(signer.signature(bytesOf(deliveryId)));
    }

    /** The return path of the delivery at {@code domain}. */
    public String addressFor(long deliveryId, String domain) {
        return LOCAL_PART + "+" + tokenFor(deliveryId) + "@" + domain;
    }

    /** The delivery id of a genuine token, or empty for anything else. */
    public OptionalLong deliveryOf(String token) {
        if (token == null || token.length() > 64) {
            return OptionalLong.empty();
        }
        Matcher matcher = TOKEN.matcher(token.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        long id;
        try {
            id = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        byte[] given = HexFormat.of().parseHex(matcher.group(2));
        return signer.signs(bytesOf(id), given) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** The token of the first return path in {@code text} (an address, a header), whether genuine or not. */
    public static Optional<String> tokenIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_ADDRESS.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static byte[] bytesOf(long deliveryId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(deliveryId).array();
    }
}
