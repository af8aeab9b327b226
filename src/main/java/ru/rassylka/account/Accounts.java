package ru.rassylka.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import ru.rassylka.mail.MailOutbox;
import ru.rassylka.platform.BusinessException;

/**
 * Self-service of accounts: registration with e-mail verification, password reset, profile.
 * Answers about e-mail addresses never reveal whether an account exists.
 */
@Stateless
@PermitAll
public class Accounts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private MailOutbox outbox;

    @Inject
    private AccountMails mails;

    @Resource
    private SessionContext session;

    /** Opens an unverified account and mails the link; an existing address gets a notice instead. */
    public void register(Registration registration) {
        requireAcceptable(registration.password());
        Optional<User> existing = findByEmail(registration.email());
        if (existing.isPresent()) {
            hasher.matchesNothing(registration.password()); // same time as a new registration
            User user = existing.get();
            outbox.queue(user.isVerified() ? mails.alreadyRegistered(user) : mails.verification(user, newToken(user, TokenPurpose.VERIFY)));
            return;
        }
        Instant now = Instant.now();
        User user = new User(registration.email(), hasher.hash(registration.password()), now);
        user.setFullName(registration.fullName());
        user.setPhone(registration.phone());
        user.setCity(registration.city());
        user.setLanguage(registration.language());
        em.persist(user);
        outbox.queue(mails.verification(user, newToken(user, TokenPurpose.VERIFY)));
    }

    public void resendVerification(String email) {
        findByEmail(email).filter(user -> !user.isVerified())
                .ifPresent(user -> outbox.queue(mails.verification(user, newToken(user, TokenPurpose.VERIFY))));
    }

    /** Activates the account of a verification link; false when the link is unknown, used or expired. */
    public boolean verify(String secret) {
        return useToken(secret, TokenPurpose.VERIFY).map(user -> {
            user.verify(Instant.now());
            return true;
        }).orElse(false);
    }

    public void requestPasswordReset(String email) {
        findByEmail(email).ifPresent(user -> outbox.queue(mails.passwordReset(user, newToken(user, TokenPurpose.RESET))));
    }

    /** Whether a reset link can still be used, to show the form only then. */
    public boolean isResetUsable(String secret) {
        return token(secret, TokenPurpose.RESET).filter(token -> token.isUsable(Instant.now())).isPresent();
    }

    /** Sets the password chosen on the page of a reset link; false when the link is unknown, used or expired. */
    public boolean resetPassword(String secret, String newPassword) {
        requireAcceptable(newPassword);
        return useToken(secret, TokenPurpose.RESET).map(user -> {
            user.setPasswordHash(hasher.hash(newPassword));
            // a working reset link also proves the address
            user.verify(Instant.now());
            return true;
        }).orElse(false);
    }

    public Optional<User> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    @RolesAllowed(Role.Names.USER)
    public User getCurrent() {
        return findByEmail(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new IllegalStateException("The logged-in account no longer exists"));
    }

    @RolesAllowed(Role.Names.USER)
    public User updateProfile(ProfileChange change) {
        User user = getCurrent();
        user.setFullName(change.fullName());
        user.setPhone(change.phone());
        user.setCity(change.city());
        user.setLanguage(change.language());
        user.setTimeZone(change.timeZone());
        return user;
    }

    @RolesAllowed(Role.Names.USER)
    public void changePassword(String currentPassword, String newPassword) {
        User user = getCurrent();
        if (currentPassword == null || !hasher.matches(currentPassword, user.getPasswordHash())) {
            throw new BusinessException("profile.wrongCurrentPassword");
        }
        requireAcceptable(newPassword);
        user.setPasswordHash(hasher.hash(newPassword));
    }

    private String newToken(User user, TokenPurpose purpose) {
        Instant now = Instant.now();
        em.createNamedQuery(AccountToken.USE_ALL_OF_USER)
                .setParameter("now", now)
                .setParameter("user", user)
                .setParameter("purpose", purpose)
                .executeUpdate();
        String secret = Tokens.newSecret();
        em.persist(new AccountToken(user, purpose, Tokens.hash(secret), now));
        return secret;
    }

    private Optional<User> useToken(String secret, TokenPurpose purpose) {
        Instant now = Instant.now();
        return token(secret, purpose).filter(token -> token.isUsable(now)).map(token -> {
            token.use(now);
            return token.getUser();
        });
    }

    private Optional<AccountToken> token(String secret, TokenPurpose purpose) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(AccountToken.BY_HASH, AccountToken.class)
                .setParameter("hash", Tokens.hash(secret))
                .setParameter("purpose", purpose)
                .getResultStream()
                .findFirst();
    }

    private static void requireAcceptable(String password) {
        if (!PasswordHasher.isAcceptable(password)) {
            throw new BusinessException("password.rules", PasswordHasher.MIN_LENGTH, PasswordHasher.MAX_LENGTH);
        }
    }
}
