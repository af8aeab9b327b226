package ru.rassylka.delivery.bounce;

/**
 * What {@link BounceReader} found in one message of the bounce mailbox.
 *
 * @param kind the class of the report
 * @param recipient the address that failed or complained, lower case, or null when none is named
 * @param statusCode the enhanced status code (RFC 3463, e.g. {@code 5.1.1}), or null when none is given
 * @param diagnostic the server's reason as the report gives it (at most {@value #DIAGNOSTIC_MAX}
 *     characters), or the feedback type of a complaint, or null
 * @param returnPathToken the part between {@code bounces+} and {@code @} of the address the report
 *     came back to (an opaque token naming the delivery; not verified here), or null
 * @param originalMessageId the Message-ID of the returned e-mail, with its angle brackets, or null
 * @param source what the recipient and status were taken from, e.g. {@code DSN fields}, {@code ARF},
 *     {@code returned message headers}, {@code text}, {@code auto-reply headers}, joined by {@code +}
 */
public record BounceReport(
        BounceClass kind,
        String recipient,
        String statusCode,
        String diagnostic,
        String returnPathToken,
        String originalMessageId,
        String source) {

    public static final int DIAGNOSTIC_MAX = 500;

    /** A hard or soft bounce: the report says an e-mail could not be delivered. */
    public boolean isBounce() {
        return kind == BounceClass.HARD || kind == BounceClass.SOFT;
    }
}
