package ru.rassylka.delivery;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.delivery.engine.SendingTimers;
import ru.rassylka.mail.MailSettings;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.MailingNotFoundException;
import ru.rassylka.platform.BusinessException;

/**
 * Starts runs: the occurrence a timer or the sweep finds due, and "send now". A run and all its
 * deliveries are written in the transaction that plans the mailing's next occurrence, so an
 * occurrence is started exactly once (the mailing row is locked; the run is unique per
 * mailing and scheduled instant). A press of "send now" or "retry failed" starts one run however
 * often its form arrives: the run keeps the key of the page's form, and a retry the run it retries.
 */
@Stateless
@PermitAll
public class Runs {

    /**
     * Deliveries of a run in one statement from the owner's clients; unsubscribed ones and those on
     * the owner's suppression list (by the address, the domain written either way) are written as
     * SKIPPED with the reason.
     */
    private static final String SKIP =
            "coalesce(case when c.unsubscribed_at is not null then 'UNSUBSCRIBED' end, s.reason, u.reason)";

    private static final String INSERT_DELIVERIES =
            "insert into delivery (id, run_id, client_id, email, full_name, state,"
                    + " next_attempt_at, attempts, reason, finished_at)"
                    + " select nextval('delivery_seq'), ?1, c.id, c.email, c.full_name,"
                    + " case when " + SKIP + " is null then 'PENDING' else 'SKIPPED' end,"
                    + " case when " + SKIP + " is null then cast(?2 as timestamp with time zone) end, 0,"
                    + " " + SKIP + ","
                    + " case when " + SKIP + " is null then null else cast(?2 as timestamp with time zone) end"
                    + " from client c"
                    + " left join suppression s on s.owner_id = c.owner_id and s.address = c.email"
                    + " left join suppression u on u.owner_id = c.owner_id and u.address_unicode = c.email and u.address <> c.email"
                    + " where c.owner_id = ?3";
    private static final String ONLY_CHOSEN =
            " and c.id in (select r.client_id from mailing_recipient r where r.mailing_id = ?4)";
    /**
     * Recipients now among the chosen clients. Two anti-joins, one per form of the address: with
     * an OR in one the database compares every client with every suppressed address.
     */
    private static final String COUNT_RECIPIENTS =
            "select count(*) from client c where c.owner_id = ?3 and c.unsubscribed_at is null"
                    + " and not exists (select 1 from suppression s where s.owner_id = c.owner_id and s.address = c.email)"
                    + " and not exists (select 1 from suppression u where u.owner_id = c.owner_id and u.address_unicode = c.email)";
    /** The owner's clients as kept by every change of them (no row before the first change). */
    private static final String KEPT_CLIENTS = "select clients from client_count where owner_id = ?1";
    /**
     * The clients a run to all would not send to: unsubscribed ones (a partial index holds just
     * those) and those on the suppression list (found from the list, by either form of the address).
     */
    private static final String NOT_RECIPIENTS = "select (select count(*) from client where owner_id = ?1"
            + " and unsubscribed_at is not null) + (select count(*) from (select c.id from suppression s"
            + " join client c on c.owner_id = s.owner_id and c.email = s.address where s.owner_id = ?1 and c.unsubscribed_at is null"
            + " union select c.id from suppression s join client c on c.owner_id = s.owner_id and c.email = s.address_unicode"
            + " where s.owner_id = ?1 and c.unsubscribed_at is null) suppressed)";

    private static final String ONLY_FAILED_IN =
            " and c.id in (select d.client_id from delivery d where d.run_id = ?4 and d.state = 'FAILED')";

    /** The mailing's row unless another transaction holds it (none when deleted for good). */
    private static final String UNLOCKED = "select id from mailing where id = ?1 for update skip locked";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private MailSettings mailSettings;

    @Inject
    private SendingTimers timers;

    @Inject
    private Event<RunStarted> started;

    @Inject
    private Logger logger;

    /**
     * Handles the mailing's due occurrence, if it has one: a run when it may send, otherwise the
     * occurrence is skipped (paused, disabled, blocked owner); then plans the next one.
     *
     * <p>In a transaction of its own, whatever the caller's (the sweep's timer has one): a mailing
     * that fails rolls back its own work only, and the caller goes on with the next.
     *
     * @return the run started, if any
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<MailingRun> startDue(long mailingId) {
        Instant now = Instant.now();
        if (em.createNativeQuery(UNLOCKED)
                .setParameter(1, mailingId)
                .getResultList()
                .isEmpty()) {
            // being changed or started (a run to a million clients writes its deliveries for seconds):
            // that transaction plans what follows, and a timer or the sweep due meanwhile goes on with others
            return Optional.empty();
        }
        Mailing mailing = em.find(Mailing.class, mailingId, LockModeType.PESSIMISTIC_WRITE);
        if (mailing == null
                || mailing.isDeleted()
                || mailing.getNextRunAt() == null
                || mailing.getNextRunAt().isAfter(now)) {
            return Optional.empty();
        }
        Instant next = mailing.getNextRunAt();
        // of several occurrences missed while the service was down only the latest is sent; none after the end date
        Instant occurrence = mailing.schedule()
                .nextDue(mailing.getLastOccurrenceAt(), now)
                .filter(due -> !due.isBefore(next))
                .orElse(next);
        boolean over =
                mailing.schedule().nextDue(mailing.getLastOccurrenceAt(), now).isEmpty();
        boolean sends = !over
                && !mailing.isPaused()
                && !mailing.isDisabled()
                && !mailing.getOwner().isBlocked();
        Optional<MailingRun> run = Optional.empty();
        if (sends) {
            mailing.occurrenceStarted(occurrence, now);
            run = Optional.of(
                    start(mailing, new MailingRun(mailing, occurrence, false, mailSettings.from(), now), now));
        } else {
            mailing.occurrenceSkipped(occurrence, now);
            logger.info(() -> "Mailing " + mailingId + ": the occurrence of " + occurrence
                    + " is skipped (paused, disabled, owner blocked or ended)");
        }
        timers.schedule(mailing.getId(), mailing.getNextRunAt());
        return run;
    }

    /** The run as stored (its message snapshot and counters), or null. */
    public MailingRun run(long runId) {
        return em.find(MailingRun.class, runId);
    }

    /**
     * "Send now": an extra run of the caller's mailing at once, besides its schedule. A second post
     * of the same page's form (same key) starts nothing and answers the run the first one started.
     */
    @RolesAllowed(Role.Names.USER)
    public MailingRun sendNow(long mailingId, String requestKey) {
        User owner = accounts.getCurrent();
        Mailing mailing = locked(owner, mailingId);
        String key = checked(requestKey);
        Optional<MailingRun> earlier = requested(owner, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        mayStart(mailing);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return start(mailing, new MailingRun(mailing, now, mailSettings.from(), key, null), now);
    }

    /**
     * How many recipients a run of the caller's mailing started now would send to: its clients (all
     * or the chosen) neither unsubscribed nor suppressed. For all clients it is the kept number of
     * clients less those few, so that the mailing page does not count a million clients on every visit.
     */
    @RolesAllowed(Role.Names.USER)
    public long recipientsNow(long mailingId) {
        Mailing mailing = own(accounts.getCurrent(), mailingId, LockModeType.NONE);
        long owner = mailing.getOwner().getId();
        if (mailing.isAllClients()) {
            Optional<Long> kept = em.createNativeQuery(KEPT_CLIENTS)
                    .setParameter(1, owner)
                    .getResultStream()
                    .findFirst()
                    .map(clients -> ((Number) clients).longValue());
            if (kept.isPresent()) {
                Number excluded = (Number) em.createNativeQuery(NOT_RECIPIENTS)
                        .setParameter(1, owner)
                        .getSingleResult();
                return Math.max(0, kept.get() - excluded.longValue());
            }
        }
        var query = em.createNativeQuery(COUNT_RECIPIENTS + (mailing.isAllClients() ? "" : ONLY_CHOSEN))
                .setParameter(3, owner);
        if (!mailing.isAllClients()) {
            query.setParameter(4, mailing.getId());
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * "Retry failed": an extra run of the caller's mailing for just the recipients that failed in
     * one of its finished runs (those still among the owner's clients; unsubscribed ones are
     * skipped). A finished run's failures do not change, so each run is retried once: a second
     * press, from the same page or another, starts nothing and answers the retry that exists. The
     * failures of the retry are retried from the retry's own page.
     */
    @RolesAllowed(Role.Names.USER)
    public MailingRun retryFailed(long runId, String requestKey) {
        User owner = accounts.getCurrent();
        MailingRun source = em.createQuery(
                        "select r from MailingRun r where r.id = :id and r.ownerId = :owner", MailingRun.class)
                .setParameter("id", runId)
                .setParameter("owner", owner.getId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new RunNotFoundException(runId));
        Mailing mailing = locked(owner, source.getMailingId());
        String key = checked(requestKey);
        Optional<MailingRun> earlier = requested(owner, key).or(() -> retryOf(source));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!source.isFinished()) {
            throw new BusinessException("stats.retryWhenFinished");
        }
        if (source.getFailed() == 0) {
            throw new BusinessException("stats.nothingToRetry");
        }
        mayStart(mailing);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return start(
                mailing,
                new MailingRun(mailing, now, mailSettings.from(), key, source.getId()),
                now,
                ONLY_FAILED_IN,
                source.getId());
    }

    /** The run that a post with the page's key started already, if one did. */
    private Optional<MailingRun> requested(User owner, String key) {
        return em.createNamedQuery(MailingRun.REQUESTED, MailingRun.class)
                .setParameter("key", key)
                .setParameter("owner", owner.getId())
                .getResultStream()
                .findFirst();
    }

    private Optional<MailingRun> retryOf(MailingRun source) {
        return em.createNamedQuery(MailingRun.RETRY, MailingRun.class)
                .setParameter("run", source.getId())
                .getResultStream()
                .findFirst();
    }

    /** The key of the page's form; without a well-formed one the form is stale or forged, and the page is to be opened again. */
    private static String checked(String requestKey) {
        if (!MailingRun.isRequestKey(requestKey)) {
            throw new BusinessException("error.expired.text");
        }
        return requestKey;
    }

    /**
     * The caller's mailing, locked: the presses of one mailing's buttons queue here, so a repeated
     * post finds the run the first one started.
     */
    private Mailing locked(User owner, long mailingId) {
        return own(owner, mailingId, LockModeType.PESSIMISTIC_WRITE);
    }

    private Mailing own(User owner, long mailingId, LockModeType lock) {
        return em.createQuery(
                        "select m from Mailing m where m.owner = :owner and m.id = :id and m.deletedAt is null",
                        Mailing.class)
                .setParameter("owner", owner)
                .setParameter("id", mailingId)
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new MailingNotFoundException(mailingId));
    }

    /** Refuses to start a run of a mailing that may not send now (paused or disabled). */
    private static void mayStart(Mailing mailing) {
        if (mailing.isDisabled()) {
            throw new BusinessException("sending.disabledCannotSend");
        }
        if (mailing.isPaused()) {
            throw new BusinessException("sending.pausedCannotSend");
        }
    }

    private MailingRun start(Mailing mailing, MailingRun run, Instant now) {
        return mailing.isAllClients()
                ? start(mailing, run, now, "", null)
                : start(mailing, run, now, ONLY_CHOSEN, mailing.getId());
    }

    /** Writes the run and its deliveries to the owner's clients that pass {@code restriction} (a condition on {@code c} with parameter 4). */
    private MailingRun start(Mailing mailing, MailingRun run, Instant now, String restriction, Long key) {
        em.persist(run);
        mailing.runStarted();
        em.flush();
        long writing = System.nanoTime();
        var query = em.createNativeQuery(INSERT_DELIVERIES + restriction)
                .setParameter(1, run.getId())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, mailing.getOwner().getId());
        if (key != null) {
            query.setParameter(4, key);
        }
        int total = query.executeUpdate();
        // the mailing of a started run is sending: written by the one statement for it, the entity above only follows
        em.createNativeQuery(MailingSending.UPDATE).setParameter(1, run.getId()).executeUpdate();
        Number skipped = (Number)
                em.createNativeQuery("select count(*) from delivery where run_id = ?1 and next_attempt_at is null")
                        .setParameter(1, run.getId())
                        .getSingleResult();
        em.createNativeQuery("update mailing_run set total = ?1, skipped = ?2 where id = ?3")
                .setParameter(1, total)
                .setParameter(2, skipped.intValue())
                .setParameter(3, run.getId())
                .executeUpdate();
        em.refresh(run);
        long writtenIn = Duration.ofNanos(System.nanoTime() - writing).toMillis();
        logger.info(() -> "Run " + run.getId() + " of mailing " + mailing.getId() + " started"
                + (run.getRetryOf() != null
                        ? " (retry of run " + run.getRetryOf() + ")"
                        : run.isExtra() ? " (send now)" : "")
                + ": scheduled " + run.getScheduledAt() + ", " + total + " recipients, " + skipped + " skipped;"
                + " deliveries written in " + writtenIn + " ms");
        started.fire(new RunStarted(run.getId()));
        return run;
    }
}
