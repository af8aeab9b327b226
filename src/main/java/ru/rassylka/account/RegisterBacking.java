package ru.rassylka.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Objects;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.i18n.ActiveLanguage;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.validation.SingleLine;

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

    @Size(max = User.NAME_MAX)
    @SingleLine
    private String fullName;

    @Size(max = User.PHONE_MAX)
    @SingleLine
    private String phone;

    @Size(max = User.CITY_MAX)
    @SingleLine
    private String city;

    private boolean done;

    public void register() {
        if (!Objects.equals(password, passwordRepeat)) {
            Pages.error("password.mismatch");
            return;
        }
        try {
            accounts.register(new Registration(email, password, fullName, phone, city, activeLanguage.getLanguage()));
            done = true;
        } catch (BusinessException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
        }
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

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }
}
