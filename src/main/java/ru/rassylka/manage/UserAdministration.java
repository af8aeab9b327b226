package ru.rassylka.manage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;

/** What a manager may do to accounts: block with a reason, and unblock. Nothing else. */
@Stateless
@RolesAllowed(Role.Names.MANAGER)
public class UserAdministration {

    @Inject
    private Accounts accounts;

    @Inject
    private UserDirectory directory;

    public void block(long userId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("manage.users.reasonRequired");
        }
        User manager = accounts.getCurrent();
        User user = directory.get(userId);
        if (user.getId().equals(manager.getId())) {
            throw new BusinessException("manage.users.notYourself");
        }
        String trimmed = reason.trim();
        user.block(manager, trimmed.substring(0, Math.min(trimmed.length(), User.BLOCK_REASON_MAX)), Instant.now());
    }

    public void unblock(long userId) {
        directory.get(userId).unblock();
    }
}
