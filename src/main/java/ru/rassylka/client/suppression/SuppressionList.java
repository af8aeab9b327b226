package ru.rassylka.client.suppression;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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

    @Inject
    private Event<AddressSuppressed> suppressed;

    /** Puts the address on the owner's list for the reason, or strengthens its entry; an address that is none is left alone. */
    public Optional<Suppression> add(
            long ownerId, String address, SuppressionReason reason, Suppression.Cause cause, Instant at) {
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
        suppressed.fire(new AddressSuppressed(ownerId, key.get(), entry.getReason(), at));
        return Optional.of(entry);
    }
}
