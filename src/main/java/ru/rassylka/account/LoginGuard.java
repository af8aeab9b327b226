package ru.rassylka.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import ru.rassylka.platform.web.ForwardedFor;

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

    /** Removes the entries whose failures are forgotten and whose lock is over: they count nothing any more. */
    public int purgeForgotten() {
        Instant now = Instant.now();
        return em.createNamedQuery(ThrottleEntry.DELETE_FORGOTTEN)
                .setParameter("forgottenBefore", LoginThrottle.forgottenBefore(now))
                .setParameter("now", now)
                .executeUpdate();
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

    /**
     * An IPv4 client by its address; an IPv6 client by its /64, since one subscriber usually holds a
     * whole /64 and could take a fresh address for every request (an IPv4-mapped address is IPv4).
     */
    static String clientKey(String clientAddress) {
        return "client:"
                + ForwardedFor.literal(clientAddress).map(LoginGuard::network).orElse(clientAddress);
    }

    private static String network(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }
}
