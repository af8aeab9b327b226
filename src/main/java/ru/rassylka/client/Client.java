package ru.rassylka.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import ru.rassylka.account.User;
import ru.rassylka.platform.validation.SingleLine;

/** A recipient of one owner's mailings; the e-mail is unique per owner regardless of case. */
@Entity
@Table(name = "client")
public class Client {

    public static final int EMAIL_MAX = EmailAddresses.MAX_LENGTH;
    public static final int FULL_NAME_MAX = 200;
    public static final int COMMENT_MAX = 1000;

    @Id
    @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", updatable = false)
    private User owner;

    @Column(nullable = false, length = EMAIL_MAX)
    @NotBlank
    @Email
    @Size(max = EMAIL_MAX)
    @SingleLine
    private String email;

    @Column(name = "full_name", nullable = false, length = FULL_NAME_MAX)
    @NotBlank
    @Size(max = FULL_NAME_MAX)
    @SingleLine
    private String fullName;

    @Column(length = COMMENT_MAX)
    @Size(max = COMMENT_MAX)
    private String comment;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    @Column(name = "created_at", nullable = false)
    @NotNull
    private Instant createdAt;

    @Version
    private long version;

    protected Client() {}

    public Client(User owner, String email, String fullName, String comment, Instant createdAt) {
        this.owner = owner;
        this.createdAt = createdAt;
        change(email, fullName, comment);
    }

    public final void change(String email, String fullName, String comment) {
        this.email = EmailAddresses.normalize(email);
        this.fullName = fullName == null ? null : fullName.trim();
        this.comment = comment == null || comment.isBlank() ? null : comment.trim();
    }

    public void unsubscribe(Instant at) {
        if (unsubscribedAt == null) {
            unsubscribedAt = at;
        }
    }

    public boolean isUnsubscribed() {
        return unsubscribedAt != null;
    }

    public Long getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public String getEmail() {
        return email;
    }

    /** The edit form's field, so that the form takes its limits from this entity; the service saves through {@link #change}. */
    public void setEmail(String email) {
        this.email = email;
    }

    public String getFullName() {
        return fullName;
    }

    /** The edit form's field, like {@link #setEmail}. */
    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getComment() {
        return comment;
    }

    /** The edit form's field, like {@link #setEmail}. */
    public void setComment(String comment) {
        this.comment = comment;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
