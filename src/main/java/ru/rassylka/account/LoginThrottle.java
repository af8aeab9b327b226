package ru.rassylka.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When repeated failed logins lock a key (an e-mail address or a client address): from the
 * threshold on, each further failure doubles the lock, from 30 seconds up to 15 minutes. Failures
 * are forgotten after 15 quiet minutes, so a shared client address is not locked for good.
 */
public record LoginThrottle(int threshold) {

    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    public static final LoginThrottle PER_EMAIL = new LoginThrottle(5);
    public static final LoginThrottle PER_CLIENT_ADDRESS = new LoginThrottle(20);

    /** Whether failures counted until {@code lastFailure} no longer count at {@code now}. */
    public boolean isForgotten(Instant lastFailure, Instant now) {
        return lastFailure.isBefore(forgottenBefore(now));
    }

    /** Failures last counted before this instant are forgotten at {@code now}, whatever the threshold. */
    static Instant forgottenBefore(Instant now) {
        return now.minus(LONGEST_LOCK);
    }

    public Optional<Instant> lockedUntil(int failures, Instant now) {
        if (failures < threshold) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - threshold, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return Optional.of(now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock));
    }
}
