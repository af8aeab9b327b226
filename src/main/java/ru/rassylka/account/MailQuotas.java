package ru.rassylka.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The allowance of account e-mails per e-mail address and per client address, counted in the
 * database so every instance sees it, and in its own transaction so a refused request still counts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailQuotas {

    @PersistenceContext
    private EntityManager em;

    /** Whether one more e-mail to this address, asked for from this client, is allowed now; counts it. */
    public boolean take(String email, String clientAddress) {
        Instant now = Instant.now();
        // both are counted even when the first refuses, so probing addresses uses up the client's allowance
        boolean address = quota(LoginGuard.emailKey(email), now).take(MailQuota.PER_ADDRESS, now);
        boolean client = quota(LoginGuard.clientKey(clientAddress), now).take(MailQuota.PER_CLIENT_ADDRESS, now);
        return address && client;
    }

    /**
     * Removes the rows whose window is over: they count nothing any more, since the next request
     * for their key starts a fresh window anyway.
     */
    public int purgeExpired() {
        return em.createNamedQuery(MailQuota.DELETE_EXPIRED)
                .setParameter("latestOverStart", Instant.now().minus(MailQuota.WINDOW))
                .executeUpdate();
    }

    private MailQuota quota(String key, Instant now) {
        MailQuota quota = em.find(MailQuota.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (quota == null) {
            quota = new MailQuota(key, now);
            em.persist(quota);
        }
        return quota;
    }
}
