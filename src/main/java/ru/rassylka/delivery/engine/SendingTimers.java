package ru.rassylka.delivery.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.rassylka.delivery.Runs;
import ru.rassylka.mailing.MailingOccurrences;
import ru.rassylka.mailing.MailingScheduled;
import ru.rassylka.mailing.ScheduledMailing;

/**
 * The triggers of sending. Each mailing waiting for an occurrence has one persistent single-action
 * timer at its {@code next_run_at}, (re)created in the transaction that changes the mailing.
 * The database stays the record: a lone Payara Micro loses persistent timers on restart, so they
 * are rebuilt from it on every start, and a sweep every few seconds starts any due occurrence
 * whose timer went missing. Only schedules and delegates; {@link Runs} does the work.
 *
 * <p>The bean locks nothing itself (its state is a concurrent set): with the container's locks a
 * timeout took the write lock whatever the annotations said, and every mailing due while a run to a
 * million clients wrote its deliveries waited until it had.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SendingTimers {

    @Resource
    private TimerService timerService;

    @Inject
    private Runs runs;

    @Inject
    private MailingOccurrences occurrences;

    @Inject
    private RunEnd runEnd;

    @Inject
    private Logger logger;

    /** Mailings whose due occurrence failed to start in the sweep and have not started since: their failure is logged once. */
    private final Set<Long> failing = ConcurrentHashMap.newKeySet();

    /** Replaces every timer of this instance by one per scheduled mailing, as the database has them; runs on every start. */
    @PostConstruct
    public void rebuild() {
        int cancelled = MailingTimers.cancelAll(timerService.getTimers());
        int created = 0;
        for (ScheduledMailing mailing : occurrences.scheduled()) {
            create(mailing.mailingId(), mailing.nextRunAt());
            created++;
        }
        int before = cancelled;
        int after = created;
        logger.info(() -> "Sending timers rebuilt from the database: " + after + " mailings scheduled (" + before
                + " old timers replaced)");
    }

    /** The mailing's timer for its next occurrence, or none; joins the caller's transaction. */
    public void schedule(long mailingId, Instant nextRunAt) {
        MailingTimers.cancel(timerService.getTimers(), mailingId);
        if (nextRunAt != null) {
            create(mailingId, nextRunAt);
        }
    }

    public void onScheduled(@Observes MailingScheduled scheduled) {
        schedule(scheduled.mailingId(), scheduled.nextRunAt());
    }

    @Timeout
    void fire(Timer timer) {
        runs.startDue((Long) timer.getInfo());
    }

    /**
     * Starts what is due but has no timer (lost with a restart or another instance), and stops runs
     * of deleted or disabled mailings and blocked owners. Not persistent: the database is the record
     * and deployment recreates this schedule on every start, so missed sweeps need no catching up.
     */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "sending sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            List<Long> due = occurrences.due();
            failing.retainAll(due); // one no longer due (deleted, rescheduled) is forgotten
            for (Long mailingId : due) {
                startDue(mailingId);
            }
            for (Long runId : runEnd.skipStopped(Instant.now())) {
                runEnd.finishIfDone(runId, Instant.now());
            }
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "The sending sweep failed; the next one tries again", e);
        }
    }

    /**
     * Starts one mailing's due occurrence ({@link Runs#startDue} has a transaction of its own), so
     * that a mailing that fails (the oldest due, it comes first every time) holds back none after
     * it; its failure is logged once, not every few seconds, until it starts.
     */
    private void startDue(long mailingId) {
        try {
            runs.startDue(mailingId);
            if (failing.remove(mailingId)) {
                logger.info(() -> "Mailing " + mailingId + ": its due occurrence started after failing before");
            }
        } catch (RuntimeException e) {
            if (failing.add(mailingId)) {
                logger.log(
                        Level.WARNING,
                        "Mailing " + mailingId + ": its due occurrence could not be started; the sweep goes on with"
                                + " the other mailings and tries it again every time without logging it again",
                        e);
            }
        }
    }

    private void create(long mailingId, Instant at) {
        Instant when = at.isBefore(Instant.now()) ? Instant.now() : at;
        timerService.createSingleActionTimer(Date.from(when), new TimerConfig(mailingId, true));
    }
}
