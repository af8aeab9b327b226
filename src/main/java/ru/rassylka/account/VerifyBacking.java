package ru.rassylka.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;

/**
 * The page of a verification link: confirming is a POST (opening the link changes nothing), and
 * without a usable link the page sends a new one.
 */
@Named
@ViewScoped
public class VerifyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows. */
    public enum State { CONFIRM, VERIFIED, INVALID, RESEND, RESENT }

    @Inject
    private Accounts accounts;

    private String token;
    private State state;

    @NotBlank
    @Email
    private String email;

    public void onLoad() {
        if (state == null) {
            state = token == null || token.isBlank() ? State.RESEND : State.CONFIRM;
        }
    }

    public void confirm() {
        state = accounts.verify(token) ? State.VERIFIED : State.INVALID;
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
}
