package ru.rassylka.delivery.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Puts the delivery's return path on its e-mail as the envelope sender, when bounces come back to
 * the service (a domain is set); without one it leaves the e-mail as it is. A plain object that
 * the sending keeps for its whole life, so an e-mail costs one signature and no call to a service.
 */
public final class ReturnPathStamp {

    private final Optional<String> domain;
    private final ReturnPathTokens tokens;

    public ReturnPathStamp(Optional<String> domain, ReturnPathTokens tokens) {
        this.domain = domain;
        this.tokens = tokens;
    }

    /** The delivery's return path, when a domain is set. */
    public Optional<String> addressFor(long deliveryId) {
        return domain.map(value -> tokens.addressFor(deliveryId, value));
    }

    /** Makes the delivery's return path the envelope sender of its e-mail (an {@link SMTPMessage}), when a domain is set. */
    public void stamp(MimeMessage message, long deliveryId) throws MessagingException {
        if (domain.isPresent() && message instanceof SMTPMessage smtp) {
            smtp.setEnvelopeFrom(tokens.addressFor(deliveryId, domain.get()));
        }
    }
}
