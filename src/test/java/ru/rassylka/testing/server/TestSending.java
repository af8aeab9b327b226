package ru.rassylka.testing.server;

import static ru.rassylka.testing.server.Callers.as;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.client.suppression.Suppressions;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.DeliveryAttempt;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.Runs;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.platform.persistence.Databases;

/** Reads the sending ledger and bends a mailing's schedule for tests; exists only in test deployments. */
@Stateless
@PermitAll
public class TestSending {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Runs starts;

    @Inject
    private Suppressions suppressions;

    public List<MailingRun> runs(long mailingId) {
        return em.createQuery("select r from MailingRun r where r.mailingId = :mailing order by r.id", MailingRun.class)
                .setParameter("mailing", mailingId)
                .getResultList();
    }

    public List<Delivery> deliveries(long runId) {
        return em.createQuery("select d from Delivery d where d.runId = :run order by d.email", Delivery.class)
                .setParameter("run", runId)
                .getResultList();
    }

    public List<DeliveryAttempt> attempts(long deliveryId) {
        return em.createNamedQuery(DeliveryAttempt.OF_DELIVERY, DeliveryAttempt.class)
                .setParameter("delivery", deliveryId)
                .getResultList();
    }

    /** As if the service had been down: the next occurrence lies in the past and no timer waits for it. */
    public void occurrenceMissed(long mailingId, LocalDateTime firstSend, Instant nextRunAt) {
        em.createQuery("update Mailing m set m.firstSend = :first, m.nextRunAt = :at where m.id = :id")
                .setParameter("first", firstSend)
                .setParameter("at", nextRunAt)
                .setParameter("id", mailingId)
                .executeUpdate();
    }

    public void unsubscribe(long clientId) {
        em.find(Client.class, clientId).unsubscribe(Instant.now());
    }

    public Client client(long clientId) {
        return em.find(Client.class, clientId);
    }

    public Mailing mailing(long mailingId) {
        return em.find(Mailing.class, mailingId);
    }

    /**
     * What the owner's "send now" button of the mailing counts, once the given addresses are on the
     * owner's suppression list.
     */
    public long recipientsNow(String ownerEmail, long mailingId, List<String> suppressed) {
        User owner = em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(ownerEmail))
                .getSingleResult();
        return as(owner, () -> {
            suppressed.forEach(suppressions::add);
            return starts.recipientsNow(mailingId);
        });
    }

    /** A "send now" run of the owner's mailing that waits: the mailing is paused in the transaction that starts it. */
    public MailingRun waitingRun(String ownerEmail, long mailingId) {
        User owner = em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(ownerEmail))
                .getSingleResult();
        MailingRun run =
                as(owner, () -> starts.sendNow(mailingId, UUID.randomUUID().toString()));
        em.find(Mailing.class, mailingId).pause(Instant.now());
        return run;
    }

    /** A delivery held by a claim, with its lease as last written (a SENDING row's next_attempt_at is its lease end). */
    public record Lease(long delivery, long claim, Instant until) {}

    /** The leases of the run's deliveries being sent now. */
    public List<Lease> leases(long runId) {
        List<?> rows = em.createNativeQuery(
                        "select id, claim_id, next_attempt_at from delivery where run_id = ?1 and state = 'SENDING'"
                                + " and claim_id is not null")
                .setParameter(1, runId)
                .getResultList();
        return rows.stream()
                .map(Object[].class::cast)
                .map(row -> new Lease(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), instant(row[2])))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    /** As if an instance that died had claimed all the run's deliveries: SENDING under a lease that ended at {@code leaseEnd}. */
    public void leasedToDeadInstance(long runId, Instant leaseEnd) {
        em.createNativeQuery(
                        "update delivery set state = 'SENDING', claimed_by = 'dead-instance', next_attempt_at = ?1 where run_id = ?2")
                .setParameter(1, Timestamp.from(leaseEnd))
                .setParameter(2, runId)
                .executeUpdate();
    }

    /**
     * As if an instance that died had handed the e-mail of the delivery to the address to the mail
     * server and stopped before recording the answer: SENDING under its claim, marked handed over
     * under it, with a lease that ended at {@code leaseEnd}.
     */
    public void handedOverByDeadInstance(long runId, String email, String instance, Instant leaseEnd) {
        claimedByDeadInstance(runId, email, instance, leaseEnd);
        em.createNativeQuery("insert into delivery_handover (delivery_id, claim_id)"
                        + " select id, claim_id from delivery where run_id = ?1 and email = ?2")
                .setParameter(1, runId)
                .setParameter(2, email)
                .executeUpdate();
    }

    /** As if an instance that died had claimed the delivery to the address: SENDING under a lease that ended, not handed over. */
    public void claimedByDeadInstance(long runId, String email, String instance, Instant leaseEnd) {
        em.createNativeQuery("update delivery set state = 'SENDING', claimed_by = ?1, claim_id = 900000000 + id,"
                        + " next_attempt_at = ?2 where run_id = ?3 and email = ?4")
                .setParameter(1, instance)
                .setParameter(2, Timestamp.from(leaseEnd))
                .setParameter(3, runId)
                .setParameter(4, email)
                .executeUpdate();
    }

    /** Whether the delivery to the address is SENDING and marked handed over under the claim it is SENDING by. */
    public boolean handedOverUnderItsClaim(long runId, String email) {
        return ((Number) em.createNativeQuery("select count(*) from delivery d join delivery_handover h"
                                        + " on h.delivery_id = d.id and h.claim_id = d.claim_id"
                                        + " where d.run_id = ?1 and d.email = ?2 and d.state = 'SENDING'")
                                .setParameter(1, runId)
                                .setParameter(2, email)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** How many handed-over marks the run's deliveries have, under any claim. */
    public long handoverMarks(long runId) {
        return ((Number) em.createNativeQuery("select count(*) from delivery_handover h"
                                + " join delivery d on d.id = h.delivery_id where d.run_id = ?1")
                        .setParameter(1, runId)
                        .getSingleResult())
                .longValue();
    }

    public boolean onPostgresql() {
        return Databases.isPostgresql(em);
    }

    /**
     * From now on PostgreSQL refuses to mark handed over a delivery whose address contains
     * {@code marker}, as a database that cannot take the mark would; {@link #markEveryHandover} ends it.
     */
    public void refuseToMarkHandoversTo(String marker) {
        handoverTrigger(marker, "raise exception 'handover refused for the test'");
    }

    /**
     * Makes the database take {@code seconds} over each mark of a delivery whose address contains
     * {@code marker}, as a database stalled by a lock or a full disk would; {@link #markEveryHandover} ends it.
     */
    public void stallMarksOfHandoversTo(String marker, int seconds) {
        handoverTrigger(marker, "perform pg_sleep(" + seconds + ")");
    }

    private void handoverTrigger(String marker, String action) {
        em.createNativeQuery("create or replace function refuse_handover() returns trigger language plpgsql as $$"
                        + " begin if exists (select 1 from delivery where id = new.delivery_id and email like '%"
                        + marker.replace("'", "")
                        + "%') then " + action + "; end if; return new; end $$")
                .executeUpdate();
        em.createNativeQuery("create trigger refuse_handover before insert or update on delivery_handover"
                        + " for each row execute function refuse_handover()")
                .executeUpdate();
    }

    public void markEveryHandover() {
        em.createNativeQuery("drop trigger if exists refuse_handover on delivery_handover")
                .executeUpdate();
        em.createNativeQuery("drop function if exists refuse_handover()").executeUpdate();
    }

    /** Blocks the owner at once in the caller's transaction (written now, seen by plain JDBC in it). */
    public void blockOwnerNow(String ownerEmail) {
        em.createNativeQuery("update app_user set blocked_at = ?1 where email = ?2")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, User.normalizeEmail(ownerEmail))
                .executeUpdate();
    }

    /** Disables the mailing in a transaction of its own, committed when this returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void disableNow(long mailingId) {
        em.find(Mailing.class, mailingId).disable(null, "Test", Instant.now());
    }

    /** A run of the mailing at {@code scheduledAt} already exists, as a run of that occurrence would. */
    public void runExists(long mailingId, Instant scheduledAt) {
        em.persist(
                new MailingRun(em.find(Mailing.class, mailingId), scheduledAt, false, "test@localhost", Instant.now()));
    }

    /** Database sessions now waiting for a lock another one holds. */
    public long lockWaiters() {
        String sql = Databases.isPostgresql(em)
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** The most rows a step of the statement's plan read when run for the run (EXPLAIN ANALYZE; H2 counts index steps). */
    public long rowsRead(String sql, long runId) {
        boolean postgresql = Databases.isPostgresql(em);
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement explain = connection.prepareStatement(
                (postgresql ? "explain (analyze, format json) " : "explain analyze ") + sql)) {
            explain.setLong(1, runId);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            Matcher read = Pattern.compile(postgresql ? "\"Actual Rows\": (\\d+)" : "scanCount: (\\d+)")
                    .matcher(plan);
            long most = 0;
            while (read.find()) {
                most = Math.max(most, Long.parseLong(read.group(1)));
            }
            return most;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
