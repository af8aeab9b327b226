package ru.rassylka.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import ru.rassylka.delivery.engine.FailureClassifier;

/** One SMTP try of a delivery, as the engine recorded it (in JDBC batches); JPA only reads it. */
@Entity
@Table(name = "delivery_attempt")
@NamedQuery(
        name = DeliveryAttempt.OF_DELIVERY,
        query = "select a from DeliveryAttempt a where a.deliveryId = :delivery order by a.attemptedAt, a.id")
public class DeliveryAttempt {

    public static final String OF_DELIVERY = "DeliveryAttempt.ofDelivery";

    @Id
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeliveryState outcome;

    @Column(name = "smtp_code")
    private Integer smtpCode;

    @Column(length = FailureClassifier.REPLY_MAX)
    private String reply;

    @Column(name = "duration_ms", nullable = false)
    private int durationMs;

    protected DeliveryAttempt() {}

    public Long getId() {
        return id;
    }

    public long getDeliveryId() {
        return deliveryId;
    }

    public long getRunId() {
        return runId;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public DeliveryState getOutcome() {
        return outcome;
    }

    public Integer getSmtpCode() {
        return smtpCode;
    }

    public String getReply() {
        return reply;
    }

    public int getDurationMs() {
        return durationMs;
    }
}
