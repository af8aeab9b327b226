package ru.rassylka.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import ru.rassylka.platform.persistence.Transactions;

/**
 * Delivers the outbox without holding a transaction, a connection or a row lock while the SMTP
 * server answers: due rows are claimed in one short transaction (SKIP LOCKED, so instances never
 * share one, and pushed {@link QueuedMail#CLAIM} ahead so a dead worker's rows come back), sent,
 * and each outcome is recorded in its own transaction, so one failing e-mail touches no other row.
 * Transactions are demarcated here by hand because the sending between them must run outside any.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class OutboxDelivery {

    private static final int BATCH = 20;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Inject
    private Mailer mailer;

    @Inject
    private Logger logger;

    /** Delivers what is due now; answers how many e-mails were tried. */
    public int deliverDue() {
        List<QueuedMail.Claimed> claimed = inTransaction(this::claimDue);
        for (QueuedMail.Claimed mail : claimed) {
            String error;
            boolean permanent = false;
            try {
                mailer.send(mail.mail());
                error = null;
            } catch (Smtputf8NotOffered e) {
                error = e.getMessage();
                permanent = true;
            } catch (MessagingException | RuntimeException e) {
                error = String.valueOf(e.getMessage());
            }
            record(mail.id(), error, permanent);
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<QueuedMail.Claimed> claimDue() {
        Instant now = Instant.now();
        List<QueuedMail> due = em.createNativeQuery(
                        "select * from outgoing_mail where next_attempt_at <= ? and failed_at is null "
                                + "order by next_attempt_at limit " + BATCH + " for update skip locked",
                        QueuedMail.class)
                .setParameter(1, Timestamp.from(now))
                .getResultList();
        return due.stream().map(queued -> queued.claim(now)).toList();
    }

    /** A permanent error ends the e-mail at once: trying again would only repeat it. */
    private void record(long id, String error, boolean permanent) {
        inTransaction(() -> {
            QueuedMail queued = em.find(QueuedMail.class, id);
            if (queued == null) {
                return null;
            }
            if (error == null) {
                em.remove(queued);
            } else {
                queued.attemptFailed(error, permanent, Instant.now());
                logger.warning(() -> "Outbox e-mail " + id + " not delivered (attempt " + queued.getAttempts()
                        + (queued.getFailedAt() == null ? "" : ", the last") + "): " + error);
            }
            return null;
        });
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return Transactions.in(transaction, work);
    }
}
