package ru.rassylka.testing.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import ru.rassylka.client.Client;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.DeliveryAttempt;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.mailing.Mailing;

/** Reads the sending ledger and bends a mailing's schedule for tests; exists only in test deployments. */
@Stateless
@PermitAll
public class TestSending {

    @PersistenceContext
    private EntityManager em;

    public List<MailingRun> runs(long mailingId) {
        return em.createQuery("select r from MailingRun r where r.mailingId = :mailing order by r.id", MailingRun.class)
                .setParameter("mailing", mailingId)
                .getResultList();
    }

    public List<Delivery> deliveries(long runId) {
        return em.createQuery("select d from Delivery d where d.runId = :run order by d.email", Delivery.class)
                .setParameter("run", runId)
                .getResultList();
    }

    public List<DeliveryAttempt> attempts(long deliveryId) {
        return em.createNamedQuery(DeliveryAttempt.OF_DELIVERY, DeliveryAttempt.class)
                .setParameter("delivery", deliveryId)
                .getResultList();
    }

    /** As if the service had been down: the next occurrence lies in the past and no timer waits for it. */
    public void occurrenceMissed(long mailingId, LocalDateTime firstSend, Instant nextRunAt) {
        em.createQuery("update Mailing m set m.firstSend = :first, m.nextRunAt = :at where m.id = :id")
                .setParameter("first", firstSend)
                .setParameter("at", nextRunAt)
                .setParameter("id", mailingId)
                .executeUpdate();
    }

    public void unsubscribe(long clientId) {
        em.find(Client.class, clientId).unsubscribe(Instant.now());
    }

    public Client client(long clientId) {
        return em.find(Client.class, clientId);
    }

    public Mailing mailing(long mailingId) {
        return em.find(Mailing.class, mailingId);
    }
}
