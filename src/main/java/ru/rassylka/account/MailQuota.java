package ru.rassylka.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * How many account e-mails (verification, reset, notices) one key — an e-mail address or a client
 * address — asked for in the current window, so nobody can make the service mail-bomb an address.
 */
@Entity
@Table(name = "mail_quota")
@NamedQuery(name = MailQuota.DELETE_EXPIRED, query = "delete from MailQuota q where q.windowStart <= :latestOverStart")
public class MailQuota {

    public static final String DELETE_EXPIRED = "MailQuota.deleteExpired";

    static final Duration WINDOW = Duration.ofHours(1);
    static final int PER_ADDRESS = 3;
    static final int PER_CLIENT_ADDRESS = 50;

    @Id
    @Column(name = "quota_key", length = 300)
    private String key;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int requests;

    protected MailQuota() {}

    MailQuota(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
    }

    /** Counts one more request; false when the window's allowance is used up (a new window starts after an hour). */
    boolean take(int allowance, Instant now) {
        if (!windowStart.plus(WINDOW).isAfter(now)) {
            windowStart = now;
            requests = 0;
        }
        if (requests >= allowance) {
            return false;
        }
        requests++;
        return true;
    }
}
