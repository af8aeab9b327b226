package ru.rassylka.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import ru.rassylka.account.User;
import ru.rassylka.manage.UserDirectory;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/** The administrator's list of users, to grant or revoke the MANAGER role. */
@Named
@ViewScoped
public class ManagersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserDirectory directory;

    @Inject
    private ManagerRoles roles;

    private SearchableLazyModel<User> users;

    @PostConstruct
    void init() {
        users = new SearchableLazyModel<>(directory::count, directory::page, User::getId);
    }

    public void grant(User user) {
        roles.grant(user.getId());
        Pages.info("admin.users.granted", user.getEmail());
    }

    public void revoke(User user) {
        roles.revoke(user.getId());
        Pages.info("admin.users.revoked", user.getEmail());
    }

    public SearchableLazyModel<User> getUsers() {
        return users;
    }
}
