package ru.rassylka.testing.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.stream.Collectors;
import ru.rassylka.delivery.MailingRun;

/**
 * The sending ledger counted row by row, the way statistics must not do it per request: the
 * truth the statistics pages are compared with. Exists only in test deployments.
 */
@Stateless
@PermitAll
public class TestLedger {

    @PersistenceContext
    private EntityManager em;

    /** The mailing's runs, oldest first, as {@code id|finished} lines. */
    public String runs(long mailingId) {
        return em.createQuery("select r from MailingRun r where r.mailingId = :mailing order by r.id", MailingRun.class)
                .setParameter("mailing", mailingId)
                .getResultStream()
                .map(run -> run.getId() + "|" + run.isFinished())
                .collect(Collectors.joining("\n"));
    }

    /** {@code total|sent|failed|skipped|attempts} of a run, counted from its deliveries and attempts. */
    public String count(long runId) {
        List<?> states = em.createNativeQuery("select state, count(*) from delivery where run_id = ?1 group by state")
                .setParameter(1, runId)
                .getResultList();
        long total = 0;
        long[] byState = new long[3];
        for (Object row : states) {
            Object[] columns = (Object[]) row;
            long n = ((Number) columns[1]).longValue();
            total += n;
            switch (String.valueOf(columns[0])) {
                case "SENT" -> byState[0] += n;
                case "FAILED" -> byState[1] += n;
                case "SKIPPED" -> byState[2] += n;
                default -> {}
            }
        }
        Number attempts = (Number) em.createNativeQuery("select count(*) from delivery_attempt where run_id = ?1")
                .setParameter(1, runId)
                .getSingleResult();
        return total + "|" + byState[0] + "|" + byState[1] + "|" + byState[2] + "|" + attempts.longValue();
    }

    /** {@code rows|groups|attempts} of a run's attempt summary: its rows, its (hour, outcome, code) groups, their sum. */
    public String summary(long runId) {
        Object[] row = (Object[])
                em.createNativeQuery("select count(*), count(distinct concat(hour_start, outcome, smtp_code)),"
                                + " coalesce(sum(attempts), 0) from attempt_summary where run_id = ?1")
                        .setParameter(1, runId)
                        .getSingleResult();
        return ((Number) row[0]).longValue() + "|" + ((Number) row[1]).longValue() + "|"
                + ((Number) row[2]).longValue();
    }

    public long userId(String email) {
        return em.createQuery("select u.id from User u where u.email = :email", Long.class)
                .setParameter("email", email)
                .getSingleResult();
    }
}
