package ru.rassylka.testing.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import ru.rassylka.mail.MailOutbox;
import ru.rassylka.mail.OutgoingMail;

/** Puts e-mails into the outbox in given states and reads their rows back; exists only in test deployments. */
@Stateless
@PermitAll
public class TestOutbox {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailOutbox outbox;

    /** Queues the e-mails in one transaction, so one delivery run sees them all; one of them on its last attempt. */
    public void queueWithLastAttempt(List<OutgoingMail> mails, String lastAttemptRecipient, int attemptsSoFar) {
        mails.forEach(outbox::queue);
        em.flush();
        em.createNativeQuery("update outgoing_mail set attempts = ? where recipient = ?")
                .setParameter(1, attemptsSoFar)
                .setParameter(2, lastAttemptRecipient)
                .executeUpdate();
    }

    /** "sent" once the row is gone, "failed" once given up, else "pending". */
    public String state(String recipient) {
        List<?> failed = em.createNativeQuery("select failed_at from outgoing_mail where recipient = ?")
                .setParameter(1, recipient)
                .getResultList();
        if (failed.isEmpty()) {
            return "sent";
        }
        return failed.get(0) == null ? "pending" : "failed";
    }

    /** The attempts and the last error of the recipient's outbox row, or nothing once it is gone (sent). */
    public Optional<Object[]> row(String recipient) {
        List<?> rows = em.createNativeQuery("select attempts, last_error from outgoing_mail where recipient = ?")
                .setParameter(1, recipient)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }
}
