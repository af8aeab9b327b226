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
import ru.rassylka.platform.web.ClientAddress;

/**
 * Self-service of accounts: registration with e-mail verification, password reset, profile.
 * Answers about e-mail addresses never reveal whether an account exists, and the e-mails they
 * cause are limited per address and per client ({@link MailQuotas}) with the same answer.
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

    @Inject
    private MailQuotas quotas;

    @Inject
    private ClientAddress clientAddress;

    @Resource
    private SessionContext session;

    /**
     * Opens an unverified account and mails the link; a verified address gets a notice instead.
     * Registering an address that is still unverified starts that account afresh with the newcomer's
     * password and data, and spends its earlier links: whoever opens the link chose the password.
     */
    public void register(Registration registration) {
        requireAcceptable(registration.password());
        if (!mayMail(registration.email())) {
            hasher.matchesNothing(registration.password()); // same answer, about the same time
            return;
        }
        Optional<User> existing = findByEmail(registration.email());
        if (existing.isPresent() && existing.get().isVerified()) {
            hasher.matchesNothing(registration.password()); // same time as a new registration
            outbox.queue(mails.alreadyRegistered(existing.get()));
            return;
        }
        String hash = hasher.hash(registration.password());
        User user = existing.orElseGet(() -> new User(registration.email(), hash, Instant.now()));
        if (existing.isPresent()) {
            user.changePassword(hash);
        }
        user.setFullName(registration.fullName());
        user.setPhone(registration.phone());
        user.setCity(registration.city());
        user.setLanguage(registration.language());
        if (existing.isEmpty()) {
            em.persist(user);
        }
        outbox.queue(mails.verification(user, newToken(user, TokenPurpose.VERIFY)));
    }

    public void resendVerification(String email) {
        if (!mayMail(email)) {
            return;
        }
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
        if (!mayMail(email)) {
            return;
        }
        findByEmail(email).ifPresent(user -> outbox.queue(mails.passwordReset(user, newToken(user, TokenPurpose.RESET))));
    }

    /** Whether a reset link can still be used, to show the form only then. */
    public boolean isResetUsable(String secret) {
        return token(secret, TokenPurpose.RESET).filter(token -> token.isUsable(Instant.now())).isPresent();
    }

    /** Sets the password chosen on the page of a reset link; false when the link is unknown, used or expired. */
    public boolean resetPassword(String secret, String newPassword) {
        requireAcceptable(newPassword);
        String hash = hasher.hash(newPassword);
        return useToken(secret, TokenPurpose.RESET).map(user -> {
            user.changePassword(hash);
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

    /** Changes the caller's password; the account's other sessions end at their next request. */
    @RolesAllowed(Role.Names.USER)
    public User changePassword(String currentPassword, String newPassword) {
        User user = getCurrent();
        if (currentPassword == null || !hasher.matches(currentPassword, user.getPasswordHash())) {
            throw new BusinessException("profile.wrongCurrentPassword");
        }
        requireAcceptable(newPassword);
        user.changePassword(hasher.hash(newPassword));
        return user;
    }

    /** Whether the allowance of account e-mails to this address and from this client is not used up; counts this one. */
    private boolean mayMail(String email) {
        return email != null && !email.isBlank() && quotas.take(email, clientAddress.value());
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

    /** Spends a usable token by a conditional update, so of two concurrent uses exactly one wins. */
    private Optional<User> useToken(String secret, TokenPurpose purpose) {
        Instant now = Instant.now();
        return token(secret, purpose).filter(token -> token.isUsable(now))
                .filter(token -> em.createNamedQuery(AccountToken.USE)
                        .setParameter("id", token.getId())
                        .setParameter("now", now)
                        .executeUpdate() == 1)
                .map(AccountToken::getUser);
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
