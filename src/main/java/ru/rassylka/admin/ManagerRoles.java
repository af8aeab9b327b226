package ru.rassylka.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import ru.rassylka.account.Role;
import ru.rassylka.manage.UserDirectory;

/** The administrator grants and revokes the MANAGER role. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class ManagerRoles {

    @Inject
    private UserDirectory directory;

    public void grant(long userId) {
        directory.get(userId).grant(Role.MANAGER);
    }

    public void revoke(long userId) {
        directory.get(userId).revoke(Role.MANAGER);
    }
}
