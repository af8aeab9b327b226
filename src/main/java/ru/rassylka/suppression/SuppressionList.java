package ru.rassylka.suppression;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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
        if (existing.isPresent()) {
            existing.get().strengthen(reason, at, cause);
            return existing;
        }
        Suppression entry = new Suppression(ownerId, key.get(), reason, at, cause);
        em.persist(entry);
        return Optional.of(entry);
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
