package ru.rassylka.mailing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.message.Message;

/**
 * A mailing: which message goes to which of the owner's clients, and when. The status is
 * computed from the schedule; {@link #getNextRunAt()} is what the sending engine claims work by.
 */
@Entity
@Table(name = "mailing")
public class Mailing {

    public static final int NAME_MAX = 200;
    public static final int REASON_MAX = 500;

    @Id
    @SequenceGenerator(name = "mailing_seq", sequenceName = "mailing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailing_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", updatable = false)
    private User owner;

    @Column(nullable = false, length = NAME_MAX)
    @NotBlank
    @Size(max = NAME_MAX)
    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "message_id")
    @NotNull
    private Message message;

    @Column(name = "all_clients", nullable = false)
    private boolean allClients;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "mailing_recipient",
            joinColumns = @JoinColumn(name = "mailing_id"),
            inverseJoinColumns = @JoinColumn(name = "client_id"))
    private Set<Client> recipients = new HashSet<>();

    @Column(name = "first_send", nullable = false)
    @NotNull
    private LocalDateTime firstSend;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    @NotNull
    private Periodicity periodicity;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "next_run_at")
    private Instant nextRunAt;

    @Column(name = "last_occurrence_at")
    private Instant lastOccurrenceAt;

    @Column(name = "paused_at")
    private Instant pausedAt;

    /** Why the sending engine paused the mailing (what the mail server answered); null when its owner paused it. */
    @Column(name = "paused_reason", length = REASON_MAX)
    private String pausedReason;

    /** A run of this mailing is sending now; written by the sending engine's one statement for it (delivery.MailingSending), never by JPA. */
    @Column(nullable = false, insertable = false, updatable = false)
    private boolean sending;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "disabled_by")
    private User disabledBy;

    @Column(name = "disabled_reason", length = REASON_MAX)
    @Size(max = REASON_MAX)
    private String disabledReason;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Mailing() {}

    public Mailing(User owner, Instant now) {
        this.owner = owner;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets what and when to send, and when the next send is due; edits affect only future sends. */
    public void plan(String name, Message message, Schedule schedule, Instant now) {
        this.name = name;
        this.message = message;
        this.firstSend = schedule.firstSend();
        this.timeZone = schedule.zone().getId();
        this.periodicity = schedule.periodicity();
        this.endDate = schedule.endDate();
        this.updatedAt = now;
        reschedule(now);
    }

    public void sendTo(boolean allClients, Set<Client> chosen) {
        this.allClients = allClients;
        this.recipients = allClients ? new HashSet<>() : new HashSet<>(chosen);
    }

    public Schedule schedule() {
        return new Schedule(firstSend, ZoneId.of(timeZone), periodicity, endDate);
    }

    public MailingStatus status(Instant now) {
        if (sending) {
            return MailingStatus.STARTED;
        }
        if (nextRunAt == null && pausedAt == null && disabledAt == null) {
            // occurrences skipped while paused or disabled leave nothing to run either
            return MailingStatus.COMPLETED;
        }
        return MailingStatus.of(schedule(), lastOccurrenceAt, false, now);
    }

    /** The send that is due now (one missed while the service was down) or the next one after now. */
    public void reschedule(Instant now) {
        Schedule schedule = schedule();
        Instant after = lastOccurrenceAt != null && lastOccurrenceAt.isAfter(now) ? lastOccurrenceAt : now;
        nextRunAt = schedule.nextDue(lastOccurrenceAt, now)
                .or(() -> schedule.firstOccurrenceAfter(after))
                .orElse(null);
    }

    public void pause(Instant at) {
        if (pausedAt == null) {
            pausedAt = at;
        }
    }

    /**
     * The mail server refused to take mail from the sender (a 5xx to MAIL FROM or to the login):
     * sending waits, with the server's answer, until the owner has seen to it and resumes.
     */
    public void pauseRefused(String reason, Instant at) {
        if (pausedAt == null) {
            pausedAt = at;
            pausedReason = reason == null || reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX);
        }
    }

    /** Sends again from the next future occurrence: those that fell due while paused are skipped. */
    public void resume(Instant now) {
        pausedAt = null;
        pausedReason = null;
        nextRunAt = nextOccurrenceAfter(now);
    }

    /**
     * The sending engine started a run of this mailing (an occurrence or "send now"); keeps this
     * loaded copy in step with the engine's statement, which alone writes the column.
     */
    public void runStarted() {
        sending = true;
    }

    public boolean isSending() {
        return sending;
    }

    /** The sending engine started the run of this occurrence; the next one is planned after it. */
    public void occurrenceStarted(Instant occurrence, Instant now) {
        lastOccurrenceAt = occurrence;
        nextRunAt = nextOccurrenceAfter(now);
    }

    /** The occurrence fell due while the mailing could not send (paused, disabled, owner blocked): it is skipped. */
    public void occurrenceSkipped(Instant occurrence, Instant now) {
        nextRunAt = nextOccurrenceAfter(occurrence.isAfter(now) ? occurrence : now);
    }

    private Instant nextOccurrenceAfter(Instant now) {
        Instant after = lastOccurrenceAt != null && lastOccurrenceAt.isAfter(now) ? lastOccurrenceAt : now;
        return schedule().firstOccurrenceAfter(after).orElse(null);
    }

    /** Stops sending until a manager enables it; occurrences due meanwhile are skipped. */
    public void disable(User manager, String reason, Instant at) {
        disabledAt = at;
        disabledBy = manager;
        disabledReason = reason;
    }

    public void enable(Instant now) {
        disabledAt = null;
        disabledBy = null;
        disabledReason = null;
        nextRunAt = nextOccurrenceAfter(now);
    }

    public void delete(Instant at) {
        deletedAt = at;
        nextRunAt = null;
    }

    /** Whether the next send will happen by itself: not paused, not disabled, not deleted, and one is left. */
    public boolean isActive(Instant now) {
        return pausedAt == null && disabledAt == null && deletedAt == null && status(now) != MailingStatus.COMPLETED;
    }

    /** The next send shown to people: none while paused, disabled or deleted. */
    public Optional<Instant> nextSend() {
        return pausedAt != null || disabledAt != null || deletedAt != null
                ? Optional.empty()
                : Optional.ofNullable(nextRunAt);
    }

    public Long getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    /** The edit form's field, so that the form takes its limits from this entity; the service saves through {@link #plan}. */
    public void setName(String name) {
        this.name = name;
    }

    public Message getMessage() {
        return message;
    }

    public boolean isAllClients() {
        return allClients;
    }

    public Set<Client> getRecipients() {
        return recipients;
    }

    public LocalDateTime getFirstSend() {
        return firstSend;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Periodicity getPeriodicity() {
        return periodicity;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public Instant getNextRunAt() {
        return nextRunAt;
    }

    public Instant getLastOccurrenceAt() {
        return lastOccurrenceAt;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    public String getPausedReason() {
        return pausedReason;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    public User getDisabledBy() {
        return disabledBy;
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
