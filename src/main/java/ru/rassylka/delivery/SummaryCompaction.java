package ru.rassylka.delivery;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.rassylka.platform.persistence.Databases;

/**
 * Keeps the attempt summary of sending runs small: the engine adds a row per batch and group (about
 * a hundred thousand for a run to a million clients) and merges them only when the run finishes,
 * but the run page and the mailing page sum them every second while it sends. Every ten seconds
 * the rows of each unfinished run become one per hour, outcome and reply code.
 *
 * <p>One statement sees one snapshot: it deletes exactly the rows it sums, and rows the engine adds
 * meanwhile stay as they are for the next time. A run being finished is left alone: its rows are
 * merged by the transaction that finishes it (the run's row, shared here, orders the two). Only on
 * PostgreSQL (a statement that deletes and inserts at once); the embedded database keeps them all.
 * Not persistent: deployment recreates the schedule on every start, and a missed time needs no
 * catching up.
 */
@Singleton
@Startup
public class SummaryCompaction {

    private static final String COMPACT =
            "with runs as (select id from mailing_run where finished_at is null for share),"
                    + " gone as (delete from attempt_summary s using runs where s.run_id = runs.id"
                    + " returning s.run_id, s.hour_start, s.outcome, s.smtp_code, s.attempts)"
                    + " insert into attempt_summary (run_id, hour_start, outcome, smtp_code, attempts)"
                    + " select run_id, hour_start, outcome, smtp_code, sum(attempts) from gone"
                    + " group by run_id, hour_start, outcome, smtp_code";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Logger logger;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "attempt summary compaction")
    @Lock(LockType.READ)
    void compact() {
        try {
            if (Databases.isPostgresql(em)) {
                em.createNativeQuery(COMPACT).executeUpdate();
            }
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "The attempt summary could not be compacted; the next time tries again", e);
        }
    }
}
