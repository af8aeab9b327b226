package ru.rassylka.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import ru.rassylka.client.Client;
import ru.rassylka.delivery.engine.Claims;
import ru.rassylka.delivery.engine.FailureClassifier;
import ru.rassylka.delivery.engine.Outcomes;
import ru.rassylka.delivery.engine.RunEnd;

/**
 * One e-mail of a run to one recipient, with the address and name as they were. Written by the
 * engine in set-based SQL and JDBC batches ({@link Claims}, {@link Outcomes}, {@link RunEnd}); JPA only reads it.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private Long id;

    @Column(name = "run_id", nullable = false, updatable = false)
    private long runId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private long clientId;

    @Column(nullable = false, length = Client.EMAIL_MAX)
    private String email;

    @Column(name = "full_name", nullable = false, length = Client.FULL_NAME_MAX)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeliveryState state;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    @Column(nullable = false)
    private int attempts;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private SkipReason reason;

    @Column(name = "last_code")
    private Integer lastCode;

    @Column(name = "last_reply", length = FailureClassifier.REPLY_MAX)
    private String lastReply;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Delivery() {}

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public long getClientId() {
        return clientId;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public DeliveryState getState() {
        return state;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public int getAttempts() {
        return attempts;
    }

    public SkipReason getReason() {
        return reason;
    }

    public Integer getLastCode() {
        return lastCode;
    }

    public String getLastReply() {
        return lastReply;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
