package ru.rassylka.delivery;

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
import java.time.Instant;
import java.util.Objects;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.Message;

/**
 * One run of a mailing: a scheduled occurrence or a "send now". It keeps what is sent as it was
 * when the run started, and counters the engine keeps current as results come in.
 */
@Entity
@Table(name = "mailing_run")
@NamedQuery(name = MailingRun.LATEST, query = "select r from MailingRun r where r.mailingId = :mailing and r.ownerId = :owner order by r.createdAt desc, r.id desc")
public class MailingRun {

    static final String LATEST = "MailingRun.latest";

    @Id
    @SequenceGenerator(name = "mailing_run_seq", sequenceName = "mailing_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailing_run_seq")
    private Long id;

    @Column(name = "mailing_id", nullable = false, updatable = false)
    private long mailingId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "scheduled_at", nullable = false, updatable = false)
    private Instant scheduledAt;

    @Column(nullable = false, updatable = false)
    private boolean extra;

    @Column(nullable = false, updatable = false, length = Message.SUBJECT_MAX)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "body_kind", nullable = false, updatable = false, length = 10)
    private BodyKind bodyKind;

    @Column(nullable = false, updatable = false, length = 320)
    private String sender;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int sent;

    @Column(nullable = false)
    private int failed;

    @Column(nullable = false)
    private int skipped;

    protected MailingRun() {}

    /** A run of the mailing's message as it is now, for the occurrence at {@code scheduledAt}. */
    public MailingRun(Mailing mailing, Instant scheduledAt, boolean extra, String sender, Instant now) {
        this.mailingId = Objects.requireNonNull(mailing.getId(), "mailing id");
        this.ownerId = mailing.getOwner().getId();
        this.scheduledAt = Objects.requireNonNull(scheduledAt, "scheduledAt");
        this.extra = extra;
        this.subject = mailing.getMessage().getSubject();
        this.body = mailing.getMessage().getBody();
        this.bodyKind = mailing.getMessage().getBodyKind();
        this.sender = sender;
        this.createdAt = now;
    }

    /** Recipients not yet final: neither sent, failed nor skipped. */
    public int getPending() {
        return Math.max(0, total - sent - failed - skipped);
    }

    public boolean isFinished() {
        return finishedAt != null;
    }

    public RunTemplate template() {
        return RunTemplate.of(subject, body, bodyKind);
    }

    public Long getId() {
        return id;
    }

    public long getMailingId() {
        return mailingId;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public boolean isExtra() {
        return extra;
    }

    public String getSubject() {
        return subject;
    }

    public String getSender() {
        return sender;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public int getTotal() {
        return total;
    }

    public int getSent() {
        return sent;
    }

    public int getFailed() {
        return failed;
    }

    public int getSkipped() {
        return skipped;
    }
}
