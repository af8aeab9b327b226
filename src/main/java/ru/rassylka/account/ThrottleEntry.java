package ru.rassylka.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** Recent failed logins for one key, and the lock they caused. */
@Entity
@Table(name = "login_throttle")
@NamedQuery(
        name = ThrottleEntry.DELETE_FORGOTTEN,
        query =
                "delete from ThrottleEntry e where e.updatedAt < :forgottenBefore and (e.lockedUntil is null or e.lockedUntil <= :now)")
public class ThrottleEntry {

    public static final String DELETE_FORGOTTEN = "ThrottleEntry.deleteForgotten";

    @Id
    @Column(name = "throttle_key", length = 300)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ThrottleEntry() {}

    ThrottleEntry(String key, Instant now) {
        this.key = key;
        this.updatedAt = now;
    }

    void fail(LoginThrottle throttle, Instant now) {
        if (throttle.isForgotten(updatedAt, now)) {
            failures = 0;
        }
        failures++;
        lockedUntil = throttle.lockedUntil(failures, now).orElse(null);
        updatedAt = now;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
