package ru.rassylka.testing.server;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import ru.rassylka.account.PasswordHasher;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;

/** Prepares accounts for tests directly in the database; exists only in test deployments. */
@Stateless
@PermitAll
public class TestAccounts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    public User create(String email, String password, boolean verified, Role... roles) {
        Instant now = Instant.now();
        User user = new User(email, hasher.hash(password), now);
        user.setFullName("Test " + email.substring(0, email.indexOf('@')));
        if (verified) {
            user.verify(now);
        }
        for (Role role : roles) {
            user.grant(role);
        }
        em.persist(user);
        return user;
    }

    public void block(String email, String reason) {
        byEmail(email).block(null, reason, Instant.now());
    }

    /** Moves every link of the account into the past, as if a day had gone by. */
    public void expireTokens(String email) {
        em.createQuery("update AccountToken t set t.expiresAt = :past where t.user = :user")
                .setParameter("past", Instant.now().minusSeconds(1))
                .setParameter("user", byEmail(email))
                .executeUpdate();
    }

    /** Moves the counts of account e-mails and failed logins under these keys into the past, as if this long had gone by. */
    public void ageCounters(Duration by, String... keys) {
        for (String key : keys) {
            em.createQuery("update MailQuota q set q.windowStart = :at where q.key = :key")
                    .setParameter("at", Instant.now().minus(by))
                    .setParameter("key", key)
                    .executeUpdate();
            em.createQuery("update ThrottleEntry e set e.updatedAt = :at where e.key = :key")
                    .setParameter("at", Instant.now().minus(by))
                    .setParameter("key", key)
                    .executeUpdate();
        }
    }

    /** The single number a JPQL count query with one positional parameter gives. */
    public Object count(String jpql, Object parameter) {
        return em.createQuery(jpql).setParameter(1, parameter).getSingleResult();
    }

    public User byEmail(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getSingleResult();
    }
}
