package ru.rassylka.mailing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** When the mailings' next occurrences fall, for the sending timers: what is due now and what waits. */
@Stateless
@PermitAll
public class MailingOccurrences {

    @PersistenceContext
    private EntityManager em;

    /** The mailings whose occurrence is due now (their timer may be missing), the oldest first. */
    public List<Long> due() {
        return em.createQuery(
                        "select m.id from Mailing m where m.nextRunAt <= :now and m.deletedAt is null order by m.nextRunAt",
                        Long.class)
                .setParameter("now", Instant.now())
                .setMaxResults(100)
                .getResultList();
    }

    /** Every mailing that waits for an occurrence, with its time, to rebuild timers from. */
    public List<ScheduledMailing> scheduled() {
        return em.createQuery(
                        "select new ru.rassylka.mailing.ScheduledMailing(m.id, m.nextRunAt) from Mailing m"
                                + " where m.nextRunAt is not null and m.deletedAt is null",
                        ScheduledMailing.class)
                .getResultList();
    }
}
