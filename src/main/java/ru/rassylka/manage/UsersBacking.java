package ru.rassylka.manage;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import ru.rassylka.account.User;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/** The manager's list of all users, with block and unblock. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserDirectory directory;

    @Inject
    private UserAdministration administration;

    private SearchableLazyModel<User> users;
    private User selected;
    private String reason;

    @PostConstruct
    void init() {
        users = new SearchableLazyModel<>(directory::count, directory::page, User::getId);
    }

    public void prepareBlock(User user) {
        selected = user;
        reason = null;
    }

    public void block() {
        administration.block(selected.getId(), reason);
        Pages.info("manage.users.blocked", selected.getEmail());
    }

    public void unblock(User user) {
        administration.unblock(user.getId());
        Pages.info("manage.users.unblocked", user.getEmail());
    }

    public SearchableLazyModel<User> getUsers() {
        return users;
    }

    public User getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    /** The longest reason the account keeps; the field stops there and the service cuts a longer one. */
    public int getReasonMax() {
        return User.BLOCK_REASON_MAX;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
