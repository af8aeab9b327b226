package ru.rassylka.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import ru.rassylka.platform.web.RemoteAddress;

/**
 * The one identity store: accounts in our tables. Refuses wrong passwords and unknown addresses
 * alike, throttles repeated failures, and refuses unverified and blocked accounts.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private Accounts accounts;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private LoginGuard guard;

    @Inject
    private LoginOutcome outcome;

    @Inject
    private RemoteAddress remoteAddress;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String email = User.normalizeEmail(credential.getCaller());
        String password = credential.getPasswordAsString();
        Instant now = Instant.now();
        if (email == null || email.isEmpty() || password == null) {
            outcome.refuse(LoginRefusal.BAD_CREDENTIALS);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Instant> locked = guard.lockedUntil(email, remoteAddress.value(), now);
        if (locked.isPresent()) {
            outcome.lock(locked.get());
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<User> found = accounts.findByEmail(email);
        boolean passwordMatches = found.map(user -> hasher.matches(password, user.getPasswordHash()))
                .orElseGet(() -> hasher.matchesNothing(password));
        if (!passwordMatches) {
            guard.failed(email, remoteAddress.value(), now);
            outcome.refuse(LoginRefusal.BAD_CREDENTIALS);
            return CredentialValidationResult.INVALID_RESULT;
        }
        guard.succeeded(email);
        User user = found.get();
        if (!user.isVerified()) {
            outcome.refuse(LoginRefusal.UNVERIFIED);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (user.isBlocked()) {
            outcome.refuse(LoginRefusal.BLOCKED);
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(
                user.getEmail(), user.getRoles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
