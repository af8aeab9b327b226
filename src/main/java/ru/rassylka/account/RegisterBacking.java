package ru.rassylka.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Objects;
import ru.rassylka.platform.i18n.ActiveLanguage;
import ru.rassylka.platform.web.Pages;

/** Registration: opens an account that stays inactive until the e-mailed link is opened. */
@Named
@RequestScoped
public class RegisterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Accounts accounts;

    @Inject
    private ActiveLanguage activeLanguage;

    @NotBlank
    @Email
    @Size(max = User.EMAIL_MAX)
    private String email;

    @NotBlank
    @Size(min = PasswordHasher.MIN_LENGTH, max = PasswordHasher.MAX_LENGTH)
    private String password;

    @NotBlank
    private String passwordRepeat;

    // the personal fields are the account entity's own, so that they carry its constraints
    private final User account = new User();

    private boolean done;

    public void register() {
        if (!Objects.equals(password, passwordRepeat)) {
            Pages.error("password.mismatch");
            return;
        }
        accounts.register(new Registration(
                email,
                password,
                account.getFullName(),
                account.getPhone(),
                account.getCity(),
                activeLanguage.getLanguage()));
        done = true;
    }

    public boolean isDone() {
        return done;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeat() {
        return passwordRepeat;
    }

    public void setPasswordRepeat(String passwordRepeat) {
        this.passwordRepeat = passwordRepeat;
    }

    public User getAccount() {
        return account;
    }
}
