package ru.rassylka.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;

/** The administrator grants and revokes the MANAGER role. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class ManagerRoles {

    @PersistenceContext
    private EntityManager em;

    public void grant(long userId) {
        find(userId).grant(Role.MANAGER);
    }

    public void revoke(long userId) {
        find(userId).revoke(Role.MANAGER);
    }

    private User find(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new BusinessException("manage.users.notFound");
        }
        return user;
    }
}
