package ru.rassylka.mail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * The service's own e-mails: queued inside the caller's transaction (so a rolled-back
 * registration sends nothing) and delivered in the background by {@link OutboxTimer}.
 */
@Stateless
public class MailOutbox {

    private static final int BATCH = 20;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Mailer mailer;

    @Inject
    private Logger logger;

    public void queue(OutgoingMail mail) {
        em.persist(new QueuedMail(mail, Instant.now()));
    }

    /** Delivers what is due; rows are claimed with SKIP LOCKED so instances never share one. */
    @SuppressWarnings("unchecked")
    public int deliverDue() {
        Instant now = Instant.now();
        List<QueuedMail> due = em.createNativeQuery(
                        "select * from outgoing_mail where next_attempt_at <= ? and failed_at is null "
                                + "order by next_attempt_at limit " + BATCH + " for update skip locked", QueuedMail.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .getResultList();
        for (QueuedMail queued : due) {
            try {
                mailer.send(queued.toMail());
                em.remove(queued);
            } catch (MessagingException | RuntimeException e) {
                queued.attemptFailed(e.getMessage(), now);
                logger.warning(() -> "Outbox e-mail " + queued.getId() + " not delivered (attempt " + queued.getAttempts()
                        + "): " + e.getMessage());
            }
        }
        return due.size();
    }
}
