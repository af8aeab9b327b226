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
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.Message;

/**
 * One run of a mailing: a scheduled occurrence or a "send now". It keeps what is sent as it was
 * when the run started, and counters the engine keeps current as results come in.
 */
@Entity
@Table(name = "mailing_run")
@NamedQuery(
        name = MailingRun.REQUESTED,
        query = "select r from MailingRun r where r.requestKey = :key and r.ownerId = :owner")
@NamedQuery(name = MailingRun.RETRY, query = "select r from MailingRun r where r.retryOf = :run")
public class MailingRun {

    static final String REQUESTED = "MailingRun.requested";
    static final String RETRY = "MailingRun.retry";

    /** The length of a request key: a random UUID in its usual text form. */
    public static final int REQUEST_KEY_MAX = 36;

    private static final Pattern REQUEST_KEY =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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

    /** The key of the page's form that asked for this extra run; a second post with it finds this run. */
    @Column(name = "request_key", updatable = false, length = REQUEST_KEY_MAX)
    @Size(max = REQUEST_KEY_MAX)
    private String requestKey;

    /** The run whose failed recipients this one retries. */
    @Column(name = "retry_of", updatable = false)
    private Long retryOf;

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

    /** An extra run that a press of a page's button asked for, with the key of that page's form; a retry names the run it retries. */
    public MailingRun(Mailing mailing, Instant now, String sender, String requestKey, Long retryOf) {
        this(mailing, now, true, sender, now);
        this.requestKey = Objects.requireNonNull(requestKey, "requestKey");
        this.retryOf = retryOf;
    }

    /** A new key for the form of a page that can start a run; a post that carries it starts one run at most. */
    public static String newRequestKey() {
        return UUID.randomUUID().toString();
    }

    public static boolean isRequestKey(String key) {
        return key != null && REQUEST_KEY.matcher(key).matches();
    }

    /** Recipients not yet final: neither sent, failed nor skipped. */
    public int getPending() {
        return (int) RunFigures.pending(total, sent, failed, skipped);
    }

    /** The run's counters and times as pages show them. */
    public RunProgress progress() {
        return RunProgress.of(this);
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

    public String getRequestKey() {
        return requestKey;
    }

    public Long getRetryOf() {
        return retryOf;
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
