package ru.rassylka.delivery.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * How the engine sends (see .env.sample): parallel SMTP sessions, messages per second, retries,
 * the lease of claimed deliveries, batch sizes, and the circuit breaker.
 *
 * @param concurrency SMTP sessions (and workers) of this instance
 * @param ratePerSecond at most so many messages per second from this instance; 0 = no limit
 * @param retry attempts and back-off of temporary failures
 * @param lease how long a claimed delivery stays with this instance unless renewed (a heartbeat renews
 *     it three times per lease while the instance lives) before another may take it
 * @param batch the most deliveries claimed in one transaction (fewer when the rate or the relay's
 *     pace would not send them in half a lease)
 * @param recycleAfter messages sent over one SMTP connection before it is replaced
 * @param breakerThreshold connection failures in a row that stop all sending for a while
 * @param breakerPause the first such pause (doubling up to ten times as much)
 * @param unsubscribeMailto an address for {@code List-Unsubscribe: <mailto:…>}, if any
 * @param instance the name of this instance in leases, the same across restarts
 * @param handoverMark whether each delivery is marked handed over just before its e-mail's final dot,
 *     so that nothing is sent twice after a crash (at the price of one shared commit per few e-mails)
 */
public record SendingSettings(
        int concurrency,
        double ratePerSecond,
        RetryPolicy retry,
        Duration lease,
        int batch,
        int recycleAfter,
        int breakerThreshold,
        Duration breakerPause,
        Optional<String> unsubscribeMailto,
        String instance,
        boolean handoverMark) {

    public CircuitBreaker newBreaker() {
        return new CircuitBreaker(breakerThreshold, breakerPause, breakerPause.multipliedBy(10));
    }
}
