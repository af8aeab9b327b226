package ru.rassylka.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Counts failed logins per e-mail address and per client address, in the database so that every
 * instance sees them. Unknown addresses are counted like known ones, so a lock reveals nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginGuard {

    @PersistenceContext
    private EntityManager em;

    /** Until when a login for this address or from this client is refused, if it is. */
    public Optional<Instant> lockedUntil(String email, String clientAddress, Instant now) {
        return Stream.of(entry(emailKey(email)), entry(clientKey(clientAddress)))
                .flatMap(Optional::stream)
                .filter(entry -> entry.isLocked(now))
                .map(ThrottleEntry::getLockedUntil)
                .max(Instant::compareTo);
    }

    public void failed(String email, String clientAddress, Instant now) {
        fail(emailKey(email), LoginThrottle.PER_EMAIL, now);
        fail(clientKey(clientAddress), LoginThrottle.PER_CLIENT_ADDRESS, now);
    }

    public void succeeded(String email) {
        entry(emailKey(email)).ifPresent(em::remove);
    }

    private void fail(String key, LoginThrottle throttle, Instant now) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new ThrottleEntry(key, now);
            em.persist(entry);
        }
        entry.fail(throttle, now);
    }

    private Optional<ThrottleEntry> entry(String key) {
        return Optional.ofNullable(em.find(ThrottleEntry.class, key));
    }

    static String emailKey(String email) {
        String normalized = User.normalizeEmail(email);
        return "email:" + (normalized.length() > User.EMAIL_MAX ? normalized.substring(0, User.EMAIL_MAX) : normalized);
    }

    static String clientKey(String clientAddress) {
        return "client:" + clientAddress;
    }
}
