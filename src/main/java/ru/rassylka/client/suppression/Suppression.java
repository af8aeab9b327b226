package ru.rassylka.client.suppression;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/** One address on one owner's suppression list: why, since when, and the delivery that caused it. */
@Entity
@Table(name = "suppression")
@NamedQuery(
        name = Suppression.OF_ADDRESS,
        query = "select s from Suppression s where s.ownerId = :owner and s.address = :address")
@NamedQuery(name = Suppression.BY_ID, query = "select s from Suppression s where s.ownerId = :owner and s.id = :id")
@NamedQuery(
        name = Suppression.ALL,
        query = "select s from Suppression s where s.ownerId = :owner order by s.createdAt desc, s.id desc")
public class Suppression {

    public static final String OF_ADDRESS = "Suppression.ofAddress";
    public static final String BY_ID = "Suppression.byId";
    public static final String ALL = "Suppression.all";
    public static final int ADDRESS_MAX = SuppressedAddress.MAX_LENGTH;
    public static final int STATUS_MAX = 20;
    public static final int DIAGNOSTIC_MAX = 1000;

    @Id
    @SequenceGenerator(name = "suppression_seq", sequenceName = "suppression_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suppression_seq")
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false, length = ADDRESS_MAX, updatable = false)
    @NotNull
    @Size(max = ADDRESS_MAX)
    private String address;

    @Column(name = "address_unicode", nullable = false, length = ADDRESS_MAX, updatable = false)
    @NotNull
    @Size(max = ADDRESS_MAX)
    private String addressUnicode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    @NotNull
    private SuppressionReason reason;

    @Column(name = "created_at", nullable = false)
    @NotNull
    private Instant createdAt;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "status_code", length = STATUS_MAX)
    @Size(max = STATUS_MAX)
    private String statusCode;

    @Column(length = DIAGNOSTIC_MAX)
    @Size(max = DIAGNOSTIC_MAX)
    private String diagnostic;

    protected Suppression() {}

    public Suppression(
            long ownerId, SuppressedAddress address, SuppressionReason reason, Instant createdAt, Cause cause) {
        this.ownerId = ownerId;
        this.address = Objects.requireNonNull(address, "address").ascii();
        this.addressUnicode = address.unicode();
        this.createdAt = Objects.requireNonNull(createdAt, "created at");
        becauseOf(reason, cause);
    }

    /** Takes a stronger reason (a complaint over anything else, a hard bounce over soft ones) with its cause; a weaker one changes nothing. */
    public void strengthen(SuppressionReason other, Instant at, Cause cause) {
        if (rank(other) > rank(reason)) {
            createdAt = at;
            becauseOf(other, cause);
        }
    }

    private void becauseOf(SuppressionReason reason, Cause cause) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.runId = cause.runId();
        this.deliveryId = cause.deliveryId();
        this.statusCode = cut(cause.statusCode(), STATUS_MAX);
        this.diagnostic = cut(cause.diagnostic(), DIAGNOSTIC_MAX);
    }

    private static int rank(SuppressionReason reason) {
        return switch (reason) {
            case SOFT_BOUNCES -> 1;
            case MANUAL, UNSUBSCRIBED -> 2;
            case HARD_BOUNCE -> 3;
            case COMPLAINT -> 4;
        };
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** What caused an entry: the delivery and the status and text of its report or refusal (all null when added by hand). */
    public record Cause(Long runId, Long deliveryId, String statusCode, String diagnostic) {
        public static final Cause BY_HAND = new Cause(null, null, null, null);
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getAddress() {
        return address;
    }

    public String getAddressUnicode() {
        return addressUnicode;
    }

    public SuppressionReason getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getRunId() {
        return runId;
    }

    public Long getDeliveryId() {
        return deliveryId;
    }

    public String getStatusCode() {
        return statusCode;
    }

    public String getDiagnostic() {
        return diagnostic;
    }
}
