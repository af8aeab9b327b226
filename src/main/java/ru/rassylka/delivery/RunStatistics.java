package ru.rassylka.delivery;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.platform.persistence.Databases;
import ru.rassylka.platform.persistence.LikePatterns;
import ru.rassylka.platform.persistence.PrefixRange;
import ru.rassylka.platform.persistence.ResultRow;

/**
 * Read-only statistics of mailings, runs and deliveries. A user sees their own; a manager sees
 * everyone's. The scope is part of every query, so a run the caller may not see is simply not
 * found. Outcome counts come from the counters the engine keeps on each run and attempt counts
 * from {@code attempt_summary}: no request counts a run's deliveries or attempts one by one,
 * except a search by address or the few deliveries waiting to be retried (both indexed).
 */
@Stateless
@RolesAllowed(Role.Names.USER)
public class RunStatistics {

    /** Sortable delivery columns: the view's field → the column (each has an index with run_id; the address its pattern index). */
    private static final Map<String, String> SORTABLE = Map.of("email", "email", "state", "state");

    private static final String SUMS = "select count(r), coalesce(sum(r.total), 0), coalesce(sum(r.sent), 0),"
            + " coalesce(sum(r.failed), 0), coalesce(sum(r.skipped), 0) from MailingRun r";
    private static final String HOURS = "select s.hour_start, s.outcome, sum(s.attempts) from attempt_summary s"
            + " join mailing_run r on r.id = s.run_id";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Resource
    private SessionContext session;

    /** The mailing (not deleted), or empty when the caller may not see it. */
    public Optional<Mailing> mailing(long mailingId) {
        Long owner = ownerScope();
        TypedQuery<Mailing> query = em.createQuery(
                "select m from Mailing m join fetch m.owner join fetch m.message"
                        + " where m.id = :id and m.deletedAt is null"
                        + (owner == null ? "" : " and m.owner.id = :owner"),
                Mailing.class);
        return scoped(query, owner)
                .setParameter("id", mailingId)
                .getResultStream()
                .findFirst();
    }

    /** Whether the caller owns the mailing; only then may change actions show. */
    public boolean owns(Mailing mailing) {
        return mailing.getOwner().getId().equals(accounts.getCurrent().getId());
    }

    /** Bounces (hard, soft) and complaints reported for the caller's run (or any run, for a manager). */
    public BounceTotals runBounces(long runId) {
        Long owner = ownerScope();
        var query = em.createNativeQuery(
                        "select b.kind, count(*) from bounce b join mailing_run r on r.id = b.run_id where b.run_id = ?1"
                                + (owner == null ? "" : " and r.owner_id = ?2") + " group by b.kind")
                .setParameter(1, runId);
        if (owner != null) {
            query.setParameter(2, owner);
        }
        return BounceTotals.of(ResultRow.list(query, RunStatistics::kindCount));
    }

    /** Bounces (hard, soft) and complaints reported over the mailing's runs. */
    public BounceTotals mailingBounces(long mailingId) {
        Mailing mailing = visibleMailing(mailingId);
        Query kinds = em.createNativeQuery("select b.kind, count(*) from bounce b join mailing_run r on r.id = b.run_id"
                        + " where r.mailing_id = ?1 group by b.kind")
                .setParameter(1, mailing.getId());
        return BounceTotals.of(ResultRow.list(kinds, RunStatistics::kindCount));
    }

    /** The sums over the mailing's runs. */
    public Totals mailingTotals(long mailingId) {
        Mailing mailing = visibleMailing(mailingId);
        Query sums = em.createQuery(SUMS + " where r.mailingId = :mailing").setParameter("mailing", mailing.getId());
        long attempts = ResultRow.single(
                em.createNativeQuery("select coalesce(sum(s.attempts), 0) from attempt_summary s"
                                + " join mailing_run r on r.id = s.run_id where r.mailing_id = ?1")
                        .setParameter(1, mailing.getId()),
                row -> row.number(0));
        return ResultRow.single(sums, row -> totals(row, attempts));
    }

    public long countRuns(long mailingId) {
        return em.createQuery("select count(r) from MailingRun r where r.mailingId = :mailing", Long.class)
                .setParameter("mailing", visibleMailing(mailingId).getId())
                .getSingleResult();
    }

    /** A page of the mailing's runs, the newest first. */
    public List<MailingRun> runs(long mailingId, int first, int size) {
        return em.createQuery(
                        "select r from MailingRun r where r.mailingId = :mailing order by r.createdAt desc, r.id desc",
                        MailingRun.class)
                .setParameter("mailing", visibleMailing(mailingId).getId())
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    /** The mailing's latest run as its page shows it, or empty before the first. */
    public Optional<RunProgress> latest(long mailingId) {
        return runs(mailingId, 0, 1).stream().findFirst().map(RunProgress::of);
    }

    /** The run with its counters as they are now. */
    public Optional<MailingRun> run(long runId) {
        Long owner = ownerScope();
        TypedQuery<MailingRun> query = em.createQuery(
                "select r from MailingRun r where r.id = :id" + (owner == null ? "" : " and r.ownerId = :owner"),
                MailingRun.class);
        return scoped(query, owner).setParameter("id", runId).getResultStream().findFirst();
    }

    /** The run that retried the failed recipients of this one, if there is one. */
    public Optional<MailingRun> retryOf(long runId) {
        Long owner = ownerScope();
        TypedQuery<MailingRun> query = em.createQuery(
                "select r from MailingRun r where r.retryOf = :run" + (owner == null ? "" : " and r.ownerId = :owner"),
                MailingRun.class);
        return scoped(query, owner).setParameter("run", runId).getResultStream().findFirst();
    }

    /** The mailing a run belongs to, deleted or not, for the run page's heading. */
    public Mailing mailingOf(MailingRun run) {
        return em.find(Mailing.class, getRun(run.getId()).getMailingId());
    }

    /** How many of the run's deliveries pass the filter and start with the search text. */
    public long countDeliveries(long runId, DeliveryFilter filter, String search) {
        MailingRun run = getRun(runId);
        if (search != null) {
            Query count = em.createNativeQuery(
                    "select count(*) from delivery where run_id = ?1" + states(filter) + address(search));
            return ResultRow.single(withAddress(count.setParameter(1, runId), search), row -> row.number(0));
        }
        return switch (filter) {
            case ALL -> run.getTotal();
            case SENT -> run.getSent();
            case FAILED -> run.getFailed();
            case SKIPPED -> run.getSkipped();
            case NOT_RECEIVED -> run.getFailed() + run.getSkipped();
            case RETRYING -> retrying(runId);
            case PENDING -> Math.max(0, run.getPending() - retrying(runId));
        };
    }

    /**
     * A page of the run's deliveries. The page's recipients are found in the indexes alone (a deep
     * page skips index entries, not rows), then only those rows are read.
     */
    public List<Delivery> deliveries(
            long runId,
            DeliveryFilter filter,
            String search,
            String sortField,
            boolean ascending,
            int first,
            int size) {
        getRun(runId);
        String column = sortField == null ? null : SORTABLE.get(sortField);
        String order = order(column, ascending);
        Query page = em.createNativeQuery("select client_id from delivery where run_id = ?1" + states(filter)
                + address(search) + " order by " + order + " limit ?3 offset ?4");
        withAddress(page.setParameter(1, runId).setParameter(3, size).setParameter(4, first), search);
        List<Long> clients = ResultRow.list(page, row -> row.number(0));
        if (clients.isEmpty()) {
            return List.of();
        }
        Map<Long, Delivery> rows = em.createQuery(
                        "select d from Delivery d where d.runId = :run and d.clientId in :clients", Delivery.class)
                .setParameter("run", runId)
                .setParameter("clients", clients)
                .getResultStream()
                .collect(Collectors.toMap(Delivery::getClientId, Function.identity()));
        return clients.stream().map(rows::get).toList();
    }

    /**
     * The order of a page: by recipient, or by a column and then recipient. On PostgreSQL addresses
     * sort in code point order, the order of the one address index that also serves the search by
     * the start of an address (a second index in the collation's order made every delivery of a
     * run cost one more index entry to write).
     */
    private String order(String column, boolean ascending) {
        if (column == null) {
            return "client_id";
        }
        if (column.equals("email") && Databases.isPostgresql(em)) {
            return "email using " + (ascending ? "~<~" : "~>~") + ", client_id";
        }
        return column + (ascending ? " asc" : " desc") + ", client_id";
    }

    /** The delivery's attempts, oldest first. */
    public List<DeliveryAttempt> attempts(long deliveryId) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null) {
            throw new DeliveryNotFoundException(deliveryId);
        }
        getRun(delivery.getRunId());
        return em.createNamedQuery(DeliveryAttempt.OF_DELIVERY, DeliveryAttempt.class)
                .setParameter("delivery", deliveryId)
                .getResultList();
    }

    /** Who did not receive it: the run's failed and skipped deliveries after a recipient, in recipient order. */
    public List<Delivery> notReceivedAfter(long runId, long afterClientId, int limit) {
        getRun(runId);
        return em.createQuery(
                        "select d from Delivery d where d.runId = :run and d.state in :states and d.clientId > :after"
                                + " order by d.clientId",
                        Delivery.class)
                .setParameter("run", runId)
                .setParameter("states", DeliveryFilter.NOT_RECEIVED.states())
                .setParameter("after", afterClientId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The run's attempts by SMTP reply code, the most frequent first. */
    public List<ReplyCount> replyCodes(long runId) {
        getRun(runId);
        Query codes = em.createNativeQuery(
                        "select smtp_code, sum(attempts) from attempt_summary where run_id = ?1 group by smtp_code")
                .setParameter(1, runId);
        return ResultRow.list(codes, row -> new ReplyCount(row.integer(0), row.number(1))).stream()
                .sorted(Comparator.comparingLong(ReplyCount::attempts)
                        .reversed()
                        .thenComparingInt(ReplyCount::code))
                .toList();
    }

    /** The mailing's attempts per hour, for charts over days. */
    public List<HourCount> mailingHours(long mailingId) {
        return hours(
                HOURS + " where r.mailing_id = ?1", visibleMailing(mailingId).getId());
    }

    /**
     * Attempts per hour over the mailings of one user: the caller's own, or for a manager any
     * user's, or everyone's when {@code userId} is null.
     */
    public List<HourCount> userHours(Long userId) {
        Long owner = reportScope(userId);
        return hours(HOURS + (owner == null ? "" : " where r.owner_id = ?1"), owner);
    }

    /** The totals over the mailings of one user (as for {@link #userHours}), deleted mailings included. */
    public Totals userTotals(Long userId) {
        Long owner = reportScope(userId);
        Query sums = em.createQuery(SUMS + (owner == null ? "" : " where r.ownerId = :owner"));
        Query attempts = em.createNativeQuery("select coalesce(sum(s.attempts), 0) from attempt_summary s"
                + (owner == null ? "" : " join mailing_run r on r.id = s.run_id where r.owner_id = ?1"));
        if (owner != null) {
            sums.setParameter("owner", owner);
            attempts.setParameter(1, owner);
        }
        long attemptCount = ResultRow.single(attempts, row -> row.number(0));
        return ResultRow.single(sums, row -> totals(row, attemptCount));
    }

    /** A manager's page of users who have runs, with their totals, by e-mail. */
    @RolesAllowed(Role.Names.MANAGER)
    public List<UserTotals> perUser(int first, int size) {
        Query users = em.createNativeQuery(
                        "select u.id, u.email, count(*), sum(r.total), sum(r.sent), sum(r.failed), sum(r.skipped),"
                                + " coalesce((select sum(s.attempts) from attempt_summary s join mailing_run x on x.id = s.run_id"
                                + " where x.owner_id = u.id), 0)"
                                + " from mailing_run r join app_user u on u.id = r.owner_id group by u.id, u.email order by u.email limit ?1 offset ?2")
                .setParameter(1, size)
                .setParameter(2, first);
        return ResultRow.list(
                users,
                row -> new UserTotals(
                        row.number(0),
                        row.text(1),
                        new Totals(
                                row.number(2),
                                row.number(3),
                                row.number(4),
                                row.number(5),
                                row.number(6),
                                row.number(7))));
    }

    @RolesAllowed(Role.Names.MANAGER)
    public long countUsersWithRuns() {
        return ResultRow.single(
                em.createNativeQuery("select count(distinct owner_id) from mailing_run"), row -> row.number(0));
    }

    /** The e-mail of a user a manager reports on, if there is one. */
    @RolesAllowed(Role.Names.MANAGER)
    public Optional<String> userEmail(long userId) {
        return Optional.ofNullable(em.find(User.class, userId)).map(User::getEmail);
    }

    public boolean isManager() {
        return session.isCallerInRole(Role.Names.MANAGER);
    }

    private List<HourCount> hours(String sql, Long key) {
        Query query = em.createNativeQuery(sql + " group by s.hour_start, s.outcome order by s.hour_start");
        if (key != null) {
            query.setParameter(1, key);
        }
        return ResultRow.list(
                query, row -> new HourCount(row.instant(0), DeliveryState.valueOf(row.text(1)), row.number(2)));
    }

    /**
     * The condition of an address search (parameters 2 and 5): a range of the pattern index on
     * PostgreSQL, which a prepared statement's generic plan keeps using, where LIKE with a
     * parameter would read every delivery of the run; LIKE on the embedded database.
     */
    private String address(String search) {
        if (search == null) {
            return "";
        }
        return PrefixRange.forIndex(em, search).isPresent()
                ? " and email ~>=~ ?2 and email ~<~ ?5"
                : " and email like ?2 escape '\\'";
    }

    private Query withAddress(Query query, String search) {
        if (search == null) {
            return query;
        }
        Optional<PrefixRange> range = PrefixRange.forIndex(em, search);
        if (range.isPresent()) {
            return query.setParameter(2, range.get().from())
                    .setParameter(5, range.get().to());
        }
        return query.setParameter(2, LikePatterns.startingWith(search));
    }

    private long retrying(long runId) {
        return ResultRow.single(
                em.createNativeQuery("select count(*) from delivery where run_id = ?1 and state = 'RETRY'")
                        .setParameter(1, runId),
                row -> row.number(0));
    }

    private static String states(DeliveryFilter filter) {
        if (filter.states().isEmpty()) {
            return "";
        }
        return filter.states().stream()
                .map(state -> "'" + state.name() + "'")
                .collect(Collectors.joining(",", " and state in (", ")"));
    }

    /** The run with its counters as they are now; RunNotFoundException for another owner's or an unknown one. */
    public MailingRun getRun(long runId) {
        return run(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    private Mailing visibleMailing(long mailingId) {
        return mailing(mailingId).orElseThrow(() -> new ru.rassylka.mailing.MailingNotFoundException(mailingId));
    }

    /** The owner the caller's queries are limited to; null for a manager, who sees all. */
    private Long ownerScope() {
        return isManager() ? null : accounts.getCurrent().getId();
    }

    /** The owner a report covers: a user's own; a manager's choice, or null for all users. */
    private Long reportScope(Long userId) {
        return isManager() ? userId : accounts.getCurrent().getId();
    }

    private static <T> TypedQuery<T> scoped(TypedQuery<T> query, Long owner) {
        return owner == null ? query : query.setParameter("owner", owner);
    }

    /** A row of {@link #SUMS}: runs, recipients, sent, failed, skipped. */
    private static Totals totals(ResultRow sums, long attempts) {
        return new Totals(sums.number(0), sums.number(1), sums.number(2), sums.number(3), sums.number(4), attempts);
    }

    /** A row of (bounce kind, count). */
    private static Map.Entry<String, Long> kindCount(ResultRow row) {
        return Map.entry(row.text(0), row.number(1));
    }
}
