package ru.rassylka.manage;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;

/** What a manager may do to accounts: block with a reason, and unblock. Nothing else. */
@Stateless
@RolesAllowed(Role.Names.MANAGER)
public class UserAdministration {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Resource
    private SessionContext session;

    public void block(long userId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("manage.users.reasonRequired");
        }
        User manager = accounts.findByEmail(session.getCallerPrincipal().getName()).orElseThrow();
        User user = find(userId);
        if (user.getId().equals(manager.getId())) {
            throw new BusinessException("manage.users.notYourself");
        }
        String trimmed = reason.trim();
        user.block(manager, trimmed.substring(0, Math.min(trimmed.length(), User.BLOCK_REASON_MAX)), Instant.now());
    }

    public void unblock(long userId) {
        find(userId).unblock();
    }

    private User find(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new BusinessException("manage.users.notFound");
        }
        return user;
    }
}
