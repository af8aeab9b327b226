package ru.rassylka.client.suppression;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes the suppression lists for what the service learns without an owner's request: an
 * unsubscribe, a bounce, a complaint, a refused address. Each entry is keyed by owner and
 * address; a stronger reason replaces a weaker one (see {@link Suppression#strengthen}).
 */
@Stateless
@PermitAll
public class SuppressionList {

    @PersistenceContext
    private EntityManager em;

    /** Puts the address on the owner's list for the reason, or strengthens its entry; an address that is none is left alone. */
    public Optional<Suppression> add(long ownerId, String address, SuppressionReason reason, Suppression.Cause cause, Instant at) {
        Optional<SuppressedAddress> key = SuppressedAddress.of(address);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Suppression> existing = em.createNamedQuery(Suppression.OF_ADDRESS, Suppression.class)
                .setParameter("owner", ownerId)
                .setParameter("address", key.get().ascii())
                .getResultStream()
                .findFirst();
        Suppression entry = existing.orElseGet(() -> new Suppression(ownerId, key.get(), reason, at, cause));
        if (existing.isPresent()) {
            entry.strengthen(reason, at, cause);
        } else {
            em.persist(entry);
        }
        skipWaiting(ownerId, key.get(), entry.getReason(), at);
        return Optional.of(entry);
    }

    /**
     * Skips what still waits for the address in the owner's unfinished runs (a delivery being sent
     * keeps going) and counts it in each run's skipped, as an unsubscribe does.
     */
    private void skipWaiting(long ownerId, SuppressedAddress address, SuppressionReason reason, Instant at) {
        @SuppressWarnings("unchecked")
        List<Number> runs = em.createNativeQuery("select distinct d.run_id from delivery d join mailing_run r on r.id = d.run_id"
                        + " where r.owner_id = ?1 and r.finished_at is null and d.email in (?2, ?3) and d.state in ('PENDING', 'RETRY')")
                .setParameter(1, ownerId)
                .setParameter(2, address.ascii())
                .setParameter(3, address.unicode())
                .getResultList();
        for (Number run : runs) {
            int skipped = em.createNativeQuery("update delivery set state = 'SKIPPED', reason = ?1, next_attempt_at = null, finished_at = ?2"
                            + " where run_id = ?3 and email in (?4, ?5) and state in ('PENDING', 'RETRY')")
                    .setParameter(1, reason.name())
                    .setParameter(2, Timestamp.from(at))
                    .setParameter(3, run.longValue())
                    .setParameter(4, address.ascii())
                    .setParameter(5, address.unicode())
                    .executeUpdate();
            em.createNativeQuery("update mailing_run set skipped = skipped + ?1 where id = ?2")
                    .setParameter(1, skipped)
                    .setParameter(2, run.longValue())
                    .executeUpdate();
        }
    }

    /** The recipient of the delivery used its unsubscribe link: the address goes on its owner's list. */
    public void unsubscribed(long deliveryId) {
        Object[] row = (Object[]) em.createNativeQuery("select r.owner_id, d.run_id, d.email from delivery d join mailing_run r on r.id = d.run_id where d.id = ?1")
                .setParameter(1, deliveryId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (row != null) {
            add(((Number) row[0]).longValue(), (String) row[2], SuppressionReason.UNSUBSCRIBED,
                    new Suppression.Cause(((Number) row[1]).longValue(), deliveryId, null, null), Instant.now());
        }
    }
}
