package ru.rassylka.testing.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import ru.rassylka.account.User;
import ru.rassylka.client.suppression.Suppression;

/** Reads owners' suppression lists and the bounces recorded; exists only in test deployments. */
@Stateless
@PermitAll
public class TestSuppressions {

    @PersistenceContext
    private EntityManager em;

    public List<Suppression> of(String ownerEmail) {
        return em.createNamedQuery(Suppression.ALL, Suppression.class)
                .setParameter("owner", owner(ownerEmail).getId())
                .getResultList();
    }

    public Optional<Suppression> entry(String ownerEmail, String address) {
        return of(ownerEmail).stream()
                .filter(entry -> entry.getAddress().equals(address))
                .findFirst();
    }

    /** The kinds of the bounces recorded for the delivery. */
    @SuppressWarnings("unchecked")
    public List<String> bounceKinds(long deliveryId) {
        return em.createNativeQuery("select kind from bounce where delivery_id = ?1 order by id")
                .setParameter(1, deliveryId)
                .getResultList();
    }

    private User owner(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getSingleResult();
    }
}
