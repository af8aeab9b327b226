package ru.rassylka.account;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use link sent by e-mail; only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "account_token")
@NamedQuery(
        name = AccountToken.BY_HASH,
        query = "select t from AccountToken t join fetch t.user where t.tokenHash = :hash and t.purpose = :purpose")
@NamedQuery(
        name = AccountToken.USE_ALL_OF_USER,
        query =
                "update AccountToken t set t.usedAt = :now where t.user = :user and t.purpose in :purposes and t.usedAt is null")
@NamedQuery(
        name = AccountToken.USE,
        query =
                "update AccountToken t set t.usedAt = :now where t.id = :id and t.usedAt is null and t.expiresAt > :now")
public class AccountToken {

    public static final String USE = "AccountToken.use";
    public static final String BY_HASH = "AccountToken.byHash";
    public static final String USE_ALL_OF_USER = "AccountToken.useAllOfUser";

    @Id
    @SequenceGenerator(name = "account_token_seq", sequenceName = "account_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_token_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TokenPurpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountToken() {}

    public AccountToken(User user, TokenPurpose purpose, String tokenHash, Instant now) {
        this.user = user;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.lifetime());
    }

    /** Usable once, and only before it expires. */
    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
