package ru.rassylka.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import ru.rassylka.account.User;
import ru.rassylka.platform.validation.SingleLine;

/** The subject and body one owner sends; several mailings may use it. */
@Entity
@Table(name = "message")
public class Message {

    public static final int SUBJECT_MAX = 255;
    public static final int BODY_MAX = 200_000;

    @Id
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", updatable = false)
    private User owner;

    @Column(nullable = false, length = SUBJECT_MAX)
    @NotBlank
    @Size(max = SUBJECT_MAX)
    @SingleLine
    private String subject;

    @Column(nullable = false)
    @NotBlank
    @Size(max = BODY_MAX)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "body_kind", nullable = false, length = 10)
    @NotNull
    private BodyKind bodyKind;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Message() {}

    public Message(User owner, String subject, String body, BodyKind bodyKind, Instant now) {
        this.owner = owner;
        this.createdAt = now;
        change(subject, body, bodyKind, now);
    }

    public final void change(String subject, String body, BodyKind bodyKind, Instant now) {
        this.subject = subject;
        this.body = body;
        this.bodyKind = bodyKind;
        this.updatedAt = now;
    }

    public void delete(Instant at) {
        deletedAt = at;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Long getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public String getSubject() {
        return subject;
    }

    /** The edit form's field, so that the form takes its limits from this entity; the service saves through {@link #change}. */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    /** The edit form's field, like {@link #setSubject}. */
    public void setBody(String body) {
        this.body = body;
    }

    public BodyKind getBodyKind() {
        return bodyKind;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
