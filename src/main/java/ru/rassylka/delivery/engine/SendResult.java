package ru.rassylka.delivery.engine;

import java.time.Instant;
import ru.rassylka.delivery.DeliveryState;

/**
 * What became of a claimed delivery, waiting to be written: an attempt with its verdict, or a
 * release (the delivery goes back unattempted, e.g. while the circuit breaker is open).
 *
 * @param delivery the delivery
 * @param verdict the attempt's verdict, or null for a release
 * @param attempts the delivery's attempts including this one (one the sender was refused spends none)
 * @param at when the attempt began
 * @param durationMillis how long it took
 * @param next when to try again (RETRY, release), else null
 */
public record SendResult(
        Claimed delivery, Verdict verdict, int attempts, Instant at, int durationMillis, Instant next) {

    public static SendResult released(Claimed delivery, Instant next) {
        return new SendResult(delivery, null, delivery.attempts(), next, 0, next);
    }

    public boolean isRelease() {
        return verdict == null;
    }

    public DeliveryState state() {
        return isRelease()
                ? (delivery.attempts() > 0 ? DeliveryState.RETRY : DeliveryState.PENDING)
                : verdict.outcome();
    }
}
