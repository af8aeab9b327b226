package ru.rassylka.delivery.engine;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.mailing.Mailing;

/**
 * What the engine does when the mail server refuses the sender for good (a 5xx to MAIL FROM or to
 * the login): trying each recipient would only fail them all for a fault of the sender's settings,
 * so the run's mailing pauses with the server's answer, which its owner sees on the mailing's page;
 * resuming it sends the rest of the run.
 */
@Stateless
@PermitAll
public class SenderRefusals {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Logger logger;

    /** Pauses the mailing of the run with the server's reply, unless it is paused already. */
    public void pauseRun(long runId, String reply) {
        MailingRun run = em.find(MailingRun.class, runId);
        if (run == null) {
            return;
        }
        Mailing mailing = em.find(Mailing.class, run.getMailingId(), LockModeType.PESSIMISTIC_WRITE);
        if (mailing == null || mailing.isPaused()) {
            return;
        }
        mailing.pauseRefused(reply, Instant.now());
        logger.warning(() -> "Run " + runId + " of mailing " + mailing.getId()
                + " paused: the mail server refused the sender: " + reply);
    }
}
