package ru.rassylka.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Objects;
import ru.rassylka.platform.web.Pages;

/**
 * The page of a verification link: confirming is a POST (opening the link changes nothing); a link
 * after the first asks for the password to set (see {@link TokenPurpose#CHOOSE_PASSWORD}); without
 * a usable link the page sends a new one.
 */
@Named
@ViewScoped
public class VerifyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows. */
    public enum State {
        CONFIRM,
        CHOOSE,
        VERIFIED,
        INVALID,
        RESEND,
        RESENT
    }

    @Inject
    private Accounts accounts;

    private String token;
    private State state;

    @NotBlank
    @Email
    private String email;

    @NotBlank
    @Size(min = PasswordHasher.MIN_LENGTH, max = PasswordHasher.MAX_LENGTH)
    private String password;

    @NotBlank
    private String passwordRepeat;

    public void onLoad() {
        if (state == null) {
            if (token == null || token.isBlank()) {
                state = State.RESEND;
            } else {
                state = accounts.choosesPassword(token) ? State.CHOOSE : State.CONFIRM;
            }
        }
    }

    public void confirm() {
        state = accounts.verify(token) ? State.VERIFIED : State.INVALID;
    }

    public void choose() {
        if (!Objects.equals(password, passwordRepeat)) {
            Pages.error("password.mismatch");
            return;
        }
        try {
            state = accounts.verifyChoosingPassword(token, password) ? State.VERIFIED : State.INVALID;
        } finally {
            // a view-scoped bean stays in the session with its view; the chosen password need not stay with it
            password = null;
            passwordRepeat = null;
        }
    }

    public void resend() {
        accounts.resendVerification(email);
        state = State.RESENT;
    }

    public State getState() {
        return state;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
}
