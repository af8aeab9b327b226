package ru.rassylka.delivery.bounce;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rassylka.client.suppression.SuppressedAddress;
import ru.rassylka.client.suppression.Suppression;
import ru.rassylka.client.suppression.SuppressionList;
import ru.rassylka.client.suppression.SuppressionReason;

/**
 * Applies what comes back after a send: reports read from the bounce mailbox and permanent
 * refusals of an address during the SMTP session. A report finds its delivery only through its
 * return path token, so its owner is the delivery's and the address suppressed is the one the
 * delivery went to, whatever the report's text names: a forged token changes nothing, and nobody
 * can put an address on another owner's list.
 */
@Stateless
@PermitAll
public class Bounces {

    /** Temporary bounces of one address within {@link #SOFT_BOUNCES_WINDOW} that suppress it. */
    public static final int SOFT_BOUNCES_LIMIT = 3;

    public static final Duration SOFT_BOUNCES_WINDOW = Duration.ofDays(30);
    private static final int TEXT_MAX = 1000;
    private static final Pattern REPLY_CODE = Pattern.compile("(?:^|;\\s*)([245][0-9]{2})(?=[\\s-]|$)");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReturnPaths returnPaths;

    @Inject
    private SuppressionList suppressions;

    @Inject
    private Logger logger;

    /**
     * Records a report on the delivery its return path names: the bounce with its status code and
     * text as an attempt (a bounced delivery counts as failed, a complaint's stays sent), and the
     * address on the owner's suppression list after one hard bounce, {@value #SOFT_BOUNCES_LIMIT}
     * soft ones within 30 days, or one complaint. Auto-replies and non-reports change nothing.
     */
    public BounceOutcome record(BounceReport report) {
        if (report == null
                || report.kind() == null
                || !(report.kind() == BounceClass.HARD
                        || report.kind() == BounceClass.SOFT
                        || report.kind() == BounceClass.COMPLAINT)) {
            return BounceOutcome.IGNORED;
        }
        Optional<BouncedDelivery> found =
                report.returnPathToken() == null ? Optional.empty() : returnPaths.find(report.returnPathToken());
        if (found.isEmpty()) {
            logger.info(
                    () -> "A " + report.kind()
                            + " report names no delivery of this service (no return path token, or a forged one): nothing changes");
            return BounceOutcome.NO_DELIVERY;
        }
        BouncedDelivery delivery = found.get();
        String address = SuppressedAddress.of(delivery.email())
                .map(SuppressedAddress::ascii)
                .orElse(delivery.email());
        Number earlier =
                (Number) em.createNativeQuery("select count(*) from bounce where delivery_id = ?1 and kind = ?2")
                        .setParameter(1, delivery.deliveryId())
                        .setParameter(2, report.kind().name())
                        .getSingleResult();
        if (earlier.longValue() > 0) {
            return BounceOutcome.ALREADY_RECORDED;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String text = text(report);
        insertBounce(delivery, address, report.kind(), report.statusCode(), report.diagnostic(), now);
        boolean complaint = report.kind() == BounceClass.COMPLAINT;
        Integer code = replyCode(report.diagnostic());
        insertAttempt(delivery, complaint ? "SENT" : "FAILED", code, text, now);
        if (!complaint) {
            bounced(delivery, report.kind() == BounceClass.HARD ? "HARD_BOUNCE" : "SOFT_BOUNCE", code, text, now);
        }
        Suppression.Cause cause = new Suppression.Cause(
                delivery.runId(), delivery.deliveryId(), report.statusCode(), report.diagnostic());
        switch (report.kind()) {
            case HARD ->
                suppressions.add(delivery.ownerId(), delivery.email(), SuppressionReason.HARD_BOUNCE, cause, now);
            case COMPLAINT ->
                suppressions.add(delivery.ownerId(), delivery.email(), SuppressionReason.COMPLAINT, cause, now);
            default -> {
                if (softBounces(delivery.ownerId(), address, now) >= SOFT_BOUNCES_LIMIT) {
                    suppressions.add(delivery.ownerId(), delivery.email(), SuppressionReason.SOFT_BOUNCES, cause, now);
                }
            }
        }
        logger.info(() -> "Delivery " + delivery.deliveryId() + " of run " + delivery.runId() + ": " + report.kind()
                + " report " + (report.statusCode() == null ? "" : report.statusCode()) + " recorded");
        return BounceOutcome.RECORDED;
    }

    /**
     * Recipients the SMTP server refused for good during the session: those whose reply says the
     * address does not exist ({@link AddressRefusals}) count as hard bounces and are suppressed.
     */
    public void refused(List<Refusal> refusals) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (Refusal refusal : refusals) {
            if (!AddressRefusals.isAddressBad(refusal.code(), refusal.reply())) {
                continue;
            }
            Object owner = em.createNativeQuery("select owner_id from mailing_run where id = ?1")
                    .setParameter(1, refusal.runId())
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (owner == null) {
                continue;
            }
            BouncedDelivery delivery = new BouncedDelivery(
                    refusal.deliveryId(), ((Number) owner).longValue(), refusal.runId(), 0, refusal.email());
            String address = SuppressedAddress.of(refusal.email())
                    .map(SuppressedAddress::ascii)
                    .orElse(refusal.email());
            String status = String.valueOf(refusal.code());
            insertBounce(delivery, address, BounceClass.HARD, status, refusal.reply(), now);
            suppressions.add(
                    delivery.ownerId(),
                    refusal.email(),
                    SuppressionReason.HARD_BOUNCE,
                    new Suppression.Cause(refusal.runId(), refusal.deliveryId(), status, refusal.reply()),
                    now);
        }
    }

    private void insertBounce(
            BouncedDelivery delivery, String address, BounceClass kind, String status, String diagnostic, Instant now) {
        em.createNativeQuery(
                        "insert into bounce (id, owner_id, run_id, delivery_id, address, kind, status_code, diagnostic, received_at)"
                                + " values (nextval('bounce_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, delivery.ownerId())
                .setParameter(2, delivery.runId())
                .setParameter(3, delivery.deliveryId())
                .setParameter(4, address)
                .setParameter(5, kind.name())
                .setParameter(6, cut(status, Suppression.STATUS_MAX))
                .setParameter(7, cut(diagnostic, TEXT_MAX))
                .setParameter(8, Timestamp.from(now))
                .executeUpdate();
    }

    /** The report as an attempt on its delivery, and in the run's attempt summary beside the engine's. */
    private void insertAttempt(BouncedDelivery delivery, String outcome, Integer code, String text, Instant now) {
        em.createNativeQuery(
                        "insert into delivery_attempt (id, delivery_id, run_id, attempted_at, outcome, smtp_code, reply, duration_ms)"
                                + " values (nextval('delivery_attempt_seq'), ?1, ?2, ?3, ?4, cast(?5 as integer), ?6, 0)")
                .setParameter(1, delivery.deliveryId())
                .setParameter(2, delivery.runId())
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, outcome)
                .setParameter(5, code)
                .setParameter(6, text)
                .executeUpdate();
        em.createNativeQuery(
                        "insert into attempt_summary (run_id, hour_start, outcome, smtp_code, attempts) values (?1, ?2, ?3, ?4, 1)")
                .setParameter(1, delivery.runId())
                .setParameter(2, Timestamp.from(now.truncatedTo(ChronoUnit.HOURS)))
                .setParameter(3, outcome)
                .setParameter(4, code == null ? 0 : code)
                .executeUpdate();
    }

    /** A sent delivery that bounced did not reach its recipient: it becomes failed with the reason, and its run counts it so. */
    private void bounced(BouncedDelivery delivery, String reason, Integer code, String text, Instant now) {
        int changed = em.createNativeQuery(
                        "update delivery set state = 'FAILED', reason = ?1, last_code = cast(?2 as integer), last_reply = ?3,"
                                + " finished_at = coalesce(finished_at, ?4) where id = ?5 and state = 'SENT'")
                .setParameter(1, reason)
                .setParameter(2, code)
                .setParameter(3, text)
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, delivery.deliveryId())
                .executeUpdate();
        if (changed > 0) {
            em.createNativeQuery("update mailing_run set sent = sent - ?1, failed = failed + ?1 where id = ?2")
                    .setParameter(1, changed)
                    .setParameter(2, delivery.runId())
                    .executeUpdate();
        }
    }

    private long softBounces(long ownerId, String address, Instant now) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from bounce where owner_id = ?1 and address = ?2 and kind = 'SOFT' and received_at > ?3")
                        .setParameter(1, ownerId)
                        .setParameter(2, address)
                        .setParameter(3, Timestamp.from(now.minus(SOFT_BOUNCES_WINDOW)))
                        .getSingleResult())
                .longValue();
    }

    /** The text an attempt shows: what came back, its status code and the report's text. */
    static String text(BounceReport report) {
        String what = switch (report.kind()) {
            case HARD -> "Bounce (hard)";
            case SOFT -> "Bounce (soft)";
            default -> "Complaint";
        };
        String status = report.statusCode() == null || report.statusCode().isBlank()
                ? ""
                : " " + report.statusCode().strip();
        String diagnostic = report.diagnostic() == null || report.diagnostic().isBlank()
                ? ""
                : ": " + report.diagnostic().strip();
        return cut(what + status + diagnostic, TEXT_MAX);
    }

    /** The SMTP reply code a report's diagnostic starts with ({@code smtp; 550 5.1.1 …}), if any. */
    static Integer replyCode(String diagnostic) {
        if (diagnostic == null) {
            return null;
        }
        Matcher matcher = REPLY_CODE.matcher(diagnostic.strip());
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
