package ru.rassylka.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import ru.rassylka.account.User;
import ru.rassylka.manage.UserDirectory;
import ru.rassylka.manage.UsersLazyModel;
import ru.rassylka.platform.web.Pages;

/** The administrator's list of users, to grant or revoke the MANAGER role. */
@Named
@ViewScoped
public class ManagersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserDirectory directory;

    @Inject
    private ManagerRoles roles;

    private UsersLazyModel users;

    @PostConstruct
    void init() {
        users = new UsersLazyModel(directory);
    }

    public void grant(User user) {
        roles.grant(user.getId());
        Pages.info("admin.users.granted", user.getEmail());
    }

    public void revoke(User user) {
        roles.revoke(user.getId());
        Pages.info("admin.users.revoked", user.getEmail());
    }

    public UsersLazyModel getUsers() {
        return users;
    }
}
