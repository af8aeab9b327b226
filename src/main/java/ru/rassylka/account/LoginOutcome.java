package ru.rassylka.account;

import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;

/** Carries the reason of a refused login from the identity store to the login page, within one request. */
@RequestScoped
public class LoginOutcome {

    private LoginRefusal refusal;
    private Instant lockedUntil;

    void refuse(LoginRefusal reason) {
        refusal = reason;
    }

    void lock(Instant until) {
        refusal = LoginRefusal.LOCKED;
        lockedUntil = until;
    }

    public Optional<LoginRefusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }
}
