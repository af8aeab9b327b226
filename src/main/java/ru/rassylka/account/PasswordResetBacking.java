package ru.rassylka.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Objects;
import ru.rassylka.platform.web.Pages;

/**
 * Password reset: asks for the e-mail (same answer whether it is registered or not), then the
 * page of the mailed link lets the user choose the new password.
 */
@Named
@RequestScoped
public class PasswordResetBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows. */
    public enum State {
        REQUEST,
        REQUESTED,
        CHOOSE,
        INVALID,
        DONE
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

    /** Works out what to show; on a form post, from the link's token posted along (the view keeps no state). */
    public void onLoad() {
        if (token == null) {
            token = FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestParameterMap()
                    .get("token");
        }
        if (state == null) {
            if (token == null || token.isBlank()) {
                state = State.REQUEST;
            } else {
                state = accounts.isResetUsable(token) ? State.CHOOSE : State.INVALID;
            }
        }
    }

    public void request() {
        accounts.requestPasswordReset(email);
        state = State.REQUESTED;
    }

    public void choose() {
        if (!Objects.equals(password, passwordRepeat)) {
            Pages.error("password.mismatch");
            return;
        }
        state = accounts.resetPassword(token, password) ? State.DONE : State.INVALID;
    }

    public State getState() {
        if (state == null) {
            onLoad();
        }
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
