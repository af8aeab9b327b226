package ru.rassylka.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import ru.rassylka.platform.i18n.Language;
import ru.rassylka.platform.validation.SingleLine;

/** An account: who may log in, in which roles, and whether it is verified and not blocked. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
@NamedQuery(name = User.ADMIN_COUNT, query = "select count(u) from User u join u.roles r where r = :role")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String ADMIN_COUNT = "User.adminCount";
    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 200;
    public static final int PHONE_MAX = 32;
    public static final int CITY_MAX = 100;
    public static final int BLOCK_REASON_MAX = 500;
    public static final String DEFAULT_TIME_ZONE = "Europe/Moscow";

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(nullable = false, length = EMAIL_MAX, unique = true)
    @NotNull
    @Size(max = EMAIL_MAX)
    @Email
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", length = NAME_MAX)
    @Size(max = NAME_MAX)
    @SingleLine
    private String fullName;

    @Column(length = PHONE_MAX)
    @Size(max = PHONE_MAX)
    @SingleLine
    private String phone;

    @Column(length = CITY_MAX)
    @Size(max = CITY_MAX)
    @SingleLine
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language = Language.DEFAULT;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = DEFAULT_TIME_ZONE;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "blocked_at")
    private Instant blockedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "blocked_by")
    private User blockedBy;

    @Column(name = "blocked_reason", length = BLOCK_REASON_MAX)
    @Size(max = BLOCK_REASON_MAX)
    private String blockedReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Raised whenever the password or the roles change; sessions opened before then end at their next request. */
    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 16)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected User() {}

    public User(String email, String passwordHash, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.roles.add(Role.USER);
    }

    /** E-mail addresses are compared without regard to case and surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public void verify(Instant at) {
        if (verifiedAt == null) {
            verifiedAt = at;
        }
    }

    public void block(User by, String reason, Instant at) {
        blockedAt = at;
        blockedBy = by;
        blockedReason = reason;
    }

    public void unblock() {
        blockedAt = null;
        blockedBy = null;
        blockedReason = null;
    }

    public void grant(Role role) {
        if (roles.add(role)) {
            sessionEpoch++;
        }
    }

    public void revoke(Role role) {
        if (role == Role.USER) {
            throw new IllegalArgumentException("Every account keeps the USER role");
        }
        if (roles.remove(role)) {
            sessionEpoch++;
        }
    }

    /** A new password; every session opened with the old one ends at its next request. */
    void changePassword(String newPasswordHash) {
        passwordHash = newPasswordHash;
        sessionEpoch++;
    }

    public boolean isVerified() {
        return verifiedAt != null;
    }

    public boolean isBlocked() {
        return blockedAt != null;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Managers and administrators: only an administrator blocks them. */
    public boolean isStaff() {
        return roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN);
    }

    /** The name to greet the user with: the full name where given, else the e-mail address. */
    public String getDisplayName() {
        return fullName == null || fullName.isBlank() ? email : fullName;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public int getSessionEpoch() {
        return sessionEpoch;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = ZoneId.of(timeZone).getId();
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Instant getBlockedAt() {
        return blockedAt;
    }

    public User getBlockedBy() {
        return blockedBy;
    }

    public String getBlockedReason() {
        return blockedReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}
