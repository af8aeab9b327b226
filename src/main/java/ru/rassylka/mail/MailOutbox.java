package ru.rassylka.mail;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The service's own e-mails: queued inside the caller's transaction (so a rolled-back
 * registration sends nothing) and delivered in the background by {@link OutboxDelivery}.
 */
@Stateless
public class MailOutbox {

    @PersistenceContext
    private EntityManager em;

    public void queue(OutgoingMail mail) {
        em.persist(new QueuedMail(mail, Instant.now()));
    }
}
