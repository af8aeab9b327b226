package ru.rassylka.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** An e-mail of the service waiting in the outbox; removed once delivered. */
@Entity
@Table(name = "outgoing_mail")
public class QueuedMail {

    public static final int MAX_ATTEMPTS = 8;
    /** How long a claimed e-mail stays with its worker before another may take it (the worker died). */
    static final Duration CLAIM = Duration.ofMinutes(5);

    private static final int ERROR_MAX = 1000;

    @Id
    @SequenceGenerator(name = "outgoing_mail_seq", sequenceName = "outgoing_mail_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outgoing_mail_seq")
    private Long id;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected QueuedMail() {}

    QueuedMail(OutgoingMail mail, Instant now) {
        recipient = mail.to();
        subject = mail.subject();
        textBody = mail.text();
        htmlBody = mail.html();
        createdAt = now;
        nextAttemptAt = now;
    }

    /** An e-mail a worker has taken to send, outside the transaction that took it. */
    record Claimed(long id, OutgoingMail mail) {}

    /** Takes the e-mail for one attempt: nobody else tries it until the claim runs out. */
    Claimed claim(Instant now) {
        nextAttemptAt = now.plus(CLAIM);
        return new Claimed(id, new OutgoingMail(recipient, subject, textBody, htmlBody));
    }

    /** Schedules another attempt a minute later each time, or gives up after the last one or a permanent error (FAILED). */
    void attemptFailed(String error, boolean permanent, Instant now) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_MAX));
        if (permanent || attempts >= MAX_ATTEMPTS) {
            failedAt = now;
            nextAttemptAt = now;
        } else {
            nextAttemptAt = now.plus(Duration.ofMinutes(attempts));
        }
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getFailedAt() {
        return failedAt;
    }
}
