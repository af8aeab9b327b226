package ru.rassylka.delivery;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.List;
import ru.rassylka.client.suppression.AddressSuppressed;

/**
 * Skips what still waits for a newly suppressed address in its owner's unfinished runs (a
 * delivery being sent keeps going) and counts it in each run's skipped, as an unsubscribe does;
 * in the transaction that suppressed it.
 */
@Stateless
@PermitAll
public class SuppressionSkips {

    @PersistenceContext
    private EntityManager em;

    public void skipWaiting(@Observes AddressSuppressed suppressed) {
        @SuppressWarnings("unchecked")
        List<Number> runs = em.createNativeQuery(
                        "select distinct d.run_id from delivery d join mailing_run r on r.id = d.run_id"
                                + " where r.owner_id = ?1 and r.finished_at is null and d.email in (?2, ?3) and d.state in ('PENDING', 'RETRY')")
                .setParameter(1, suppressed.ownerId())
                .setParameter(2, suppressed.address().ascii())
                .setParameter(3, suppressed.address().unicode())
                .getResultList();
        for (Number run : runs) {
            int skipped = em.createNativeQuery(
                            "update delivery set state = 'SKIPPED', reason = ?1, next_attempt_at = null, finished_at = ?2"
                                    + " where run_id = ?3 and email in (?4, ?5) and state in ('PENDING', 'RETRY')")
                    .setParameter(1, suppressed.reason().name())
                    .setParameter(2, Timestamp.from(suppressed.at()))
                    .setParameter(3, run.longValue())
                    .setParameter(4, suppressed.address().ascii())
                    .setParameter(5, suppressed.address().unicode())
                    .executeUpdate();
            em.createNativeQuery("update mailing_run set skipped = skipped + ?1 where id = ?2")
                    .setParameter(1, skipped)
                    .setParameter(2, run.longValue())
                    .executeUpdate();
        }
    }
}
