package ru.rassylka.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import ru.rassylka.platform.i18n.Language;

/**
 * Makes the configured address an administrator on start. Written as inserts that skip what
 * exists, so an address that already has an account just gets the role, and two instances starting
 * at once on one database create one account between them instead of one failing its start.
 */
@Stateless
@PermitAll
public class AdminAppointment {

    /** What the appointment did. */
    public enum Result {
        CREATED,
        GRANTED,
        ALREADY_ADMIN
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    public Result appoint(String email, String password) {
        String address = User.normalizeEmail(email);
        Timestamp now = Timestamp.from(Instant.now());
        int created = em.createNativeQuery(
                        "insert into app_user (id, email, password_hash, language, time_zone, verified_at, "
                                + "created_at, version, session_epoch) values (nextval('app_user_seq'), ?, ?, ?, ?, ?, ?, 0, 0) "
                                + "on conflict do nothing")
                .setParameter(1, address)
                .setParameter(2, hasher.hash(password))
                .setParameter(3, Language.DEFAULT.name())
                .setParameter(4, User.DEFAULT_TIME_ZONE)
                .setParameter(5, now)
                .setParameter(6, now)
                .executeUpdate();
        grant(address, Role.USER);
        int granted = grant(address, Role.ADMIN);
        if (created == 1) {
            return Result.CREATED;
        }
        // the account's sessions pick up the new role at their next request
        em.createNativeQuery("update app_user set session_epoch = session_epoch + 1 where email = ?")
                .setParameter(1, address)
                .executeUpdate();
        return granted == 1 ? Result.GRANTED : Result.ALREADY_ADMIN;
    }

    private int grant(String address, Role role) {
        return em.createNativeQuery("insert into user_role (user_id, role) select id, ? from app_user where email = ? "
                        + "on conflict do nothing")
                .setParameter(1, role.name())
                .setParameter(2, address)
                .executeUpdate();
    }
}
