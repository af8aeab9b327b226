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
import ru.rassylka.platform.web.RemoteAddress;

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
    private RemoteAddress remoteAddress;

    @Resource
    private SessionContext session;

    /**
     * Opens an unverified account and mails the link; a verified address gets a notice instead.
     * Registering an address that is still unverified takes the newcomer's data but not the password,
     * which nobody can know to be the owner's: it spends the earlier links and mails one whose page
     * lets whoever opens it, the reader of the address's mail, choose the password.
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
        if (existing.isPresent()) {
            hasher.matchesNothing(registration.password()); // same time as a new registration
            User user = existing.get();
            takeData(user, registration);
            outbox.queue(mails.verificationChoosingPassword(user, newToken(user, TokenPurpose.CHOOSE_PASSWORD)));
            return;
        }
        User user = new User(registration.email(), hasher.hash(registration.password()), Instant.now());
        takeData(user, registration);
        em.persist(user);
        outbox.queue(mails.verification(user, newToken(user, TokenPurpose.VERIFY)));
    }

    /** Mails a new link to an unverified account; its page lets the opener choose the password (see {@link #register}). */
    public void resendVerification(String email) {
        if (!mayMail(email)) {
            return;
        }
        findByEmail(email)
                .filter(user -> !user.isVerified())
                .ifPresent(user -> outbox.queue(
                        mails.verificationChoosingPassword(user, newToken(user, TokenPurpose.CHOOSE_PASSWORD))));
    }

    /** Activates the account of a verification link; false when the link is unknown, used or expired. */
    public boolean verify(String secret) {
        return useToken(secret, TokenPurpose.VERIFY)
                .map(user -> {
                    user.verify(Instant.now());
                    return true;
                })
                .orElse(false);
    }

    /** Whether a verification link asks its opener to choose the password and can still be used, to show that form. */
    public boolean choosesPassword(String secret) {
        return token(secret, TokenPurpose.CHOOSE_PASSWORD)
                .filter(token -> token.isUsable(Instant.now()))
                .isPresent();
    }

    /** Activates the account of a verification link with the password chosen on its page; false when the link is unknown, used or expired. */
    public boolean verifyChoosingPassword(String secret, String password) {
        return setPasswordByLink(secret, TokenPurpose.CHOOSE_PASSWORD, password);
    }

    public void requestPasswordReset(String email) {
        if (!mayMail(email)) {
            return;
        }
        findByEmail(email)
                .ifPresent(user -> outbox.queue(mails.passwordReset(user, newToken(user, TokenPurpose.RESET))));
    }

    /** Whether a reset link can still be used, to show the form only then. */
    public boolean isResetUsable(String secret) {
        return token(secret, TokenPurpose.RESET)
                .filter(token -> token.isUsable(Instant.now()))
                .isPresent();
    }

    /** Sets the password chosen on the page of a reset link; false when the link is unknown, used or expired. */
    public boolean resetPassword(String secret, String newPassword) {
        return setPasswordByLink(secret, TokenPurpose.RESET, newPassword);
    }

    /** Sets the password chosen on the page of a link; a working link also proves the address. */
    private boolean setPasswordByLink(String secret, TokenPurpose purpose, String password) {
        requireAcceptable(password);
        String hash = hasher.hash(password);
        return useToken(secret, purpose)
                .map(user -> {
                    user.changePassword(hash);
                    user.verify(Instant.now());
                    return true;
                })
                .orElse(false);
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
        return email != null && !email.isBlank() && quotas.take(email, remoteAddress.value());
    }

    private String newToken(User user, TokenPurpose purpose) {
        Instant now = Instant.now();
        em.createNamedQuery(AccountToken.USE_ALL_OF_USER)
                .setParameter("now", now)
                .setParameter("user", user)
                .setParameter("purposes", purpose.replaces())
                .executeUpdate();
        String secret = Tokens.newSecret();
        em.persist(new AccountToken(user, purpose, Tokens.hash(secret), now));
        return secret;
    }

    /** Spends a usable token by a conditional update, so of two concurrent uses exactly one wins. */
    private Optional<User> useToken(String secret, TokenPurpose purpose) {
        Instant now = Instant.now();
        return token(secret, purpose)
                .filter(token -> token.isUsable(now))
                .filter(token -> em.createNamedQuery(AccountToken.USE)
                                .setParameter("id", token.getId())
                                .setParameter("now", now)
                                .executeUpdate()
                        == 1)
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

    private static void takeData(User user, Registration registration) {
        user.setFullName(registration.fullName());
        user.setPhone(registration.phone());
        user.setCity(registration.city());
        user.setLanguage(registration.language());
    }

    private static void requireAcceptable(String password) {
        if (!PasswordHasher.isAcceptable(password)) {
            throw new BusinessException("password.rules", PasswordHasher.MIN_LENGTH, PasswordHasher.MAX_LENGTH);
        }
    }
}
