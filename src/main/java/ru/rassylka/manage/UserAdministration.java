package ru.rassylka.manage;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;

/**
 * Blocking and unblocking accounts, with a reason. Managers block users only; blocking or
 * unblocking a manager or an administrator is the administrator's act.
 */
@Stateless
@RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
public class UserAdministration {

    @Inject
    private Accounts accounts;

    @Inject
    private UserDirectory directory;

    @Resource
    private SessionContext session;

    public void block(long userId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("manage.users.reasonRequired");
        }
        User caller = accounts.getCurrent();
        User user = reachable(userId);
        if (user.getId().equals(caller.getId())) {
            throw new BusinessException("manage.users.notYourself");
        }
        String trimmed = reason.trim();
        user.block(caller, trimmed.substring(0, Math.min(trimmed.length(), User.BLOCK_REASON_MAX)), Instant.now());
    }

    public void unblock(long userId) {
        reachable(userId).unblock();
    }

    /** The account, when the caller may block or unblock it. */
    private User reachable(long userId) {
        User user = directory.get(userId);
        if (user.isStaff() && !session.isCallerInRole(Role.Names.ADMIN)) {
            throw new BusinessException("manage.users.onlyAdminBlocksStaff");
        }
        return user;
    }
}
