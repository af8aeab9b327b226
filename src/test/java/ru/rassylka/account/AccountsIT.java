package ru.rassylka.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.i18n.Language;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestMailServer;

/** Accounts on Payara Micro with PostgreSQL and real mail: registration, login refusals, reset. */
@ArquillianTest
class AccountsIT {

    private static final String PASSWORD = "correct horse 1";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @EJB
    private Accounts accounts;

    @EJB
    private TestAccounts testAccounts;

    @EJB
    private TestMailServer mailServer;

    @Inject
    private AccountIdentityStore identityStore;

    @Inject
    private LoginOutcome outcome;

    private static String newEmail(String prefix) {
        return prefix + "-" + System.nanoTime() + "@example.org";
    }

    private CredentialValidationResult login(String email, String password) {
        return identityStore.validate(new UsernamePasswordCredential(email, new Password(password)));
    }

    private String register(String email) {
        accounts.register(new Registration(email, PASSWORD, "Анна Петрова", "+7 900 000-00-00", "Казань", Language.RU));
        MimeMessage mail = mailServer.awaitMail(email, 1);
        return TestMailServer.token(mail).orElseThrow();
    }

    @Test
    void registrationMailsALinkThatActivatesTheAccountOnce() throws Exception {
        String email = newEmail("Register");

        String token = register(email);

        assertEquals("Подтвердите адрес для Рассылки", mailServer.to(email).get(0).getSubject());
        assertFalse(accounts.findByEmail(email).orElseThrow().isVerified());
        assertTrue(accounts.verify(token));
        assertTrue(accounts.findByEmail(email.toUpperCase()).orElseThrow().isVerified());
        assertFalse(accounts.verify(token), "a link works only once");
    }

    @Test
    void onlyAHashOfTheLinkIsStored() {
        String email = newEmail("hash");
        String token = register(email);

        long stored = (Long) testAccounts.count("select count(t) from AccountToken t where t.tokenHash = ?1", Tokens.hash(token));
        long plain = (Long) testAccounts.count("select count(t) from AccountToken t where t.tokenHash = ?1", token);

        assertEquals(1, stored);
        assertEquals(0, plain);
    }

    @Test
    void expiredVerificationLinkIsRefused() {
        String email = newEmail("expired");
        String token = register(email);

        testAccounts.expireTokens(email);

        assertFalse(accounts.verify(token));
        assertFalse(accounts.findByEmail(email).orElseThrow().isVerified());
    }

    @Test
    void unverifiedAccountCannotLogIn() {
        String email = newEmail("unverified");
        register(email);

        assertEquals(CredentialValidationResult.Status.INVALID, login(email, PASSWORD).getStatus());
        assertEquals(LoginRefusal.UNVERIFIED, outcome.refusal().orElseThrow());
    }

    @Test
    void verifiedAccountLogsInWithItsRoles() {
        String email = newEmail("valid");
        testAccounts.create(email, PASSWORD, true, Role.MANAGER);

        CredentialValidationResult result = login(email, PASSWORD);

        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals(java.util.Set.of("USER", "MANAGER"), result.getCallerGroups());
    }

    @Test
    void wrongPasswordGetsTheSameAnswerAsAnUnknownEmail() {
        String email = newEmail("wrong");
        testAccounts.create(email, PASSWORD, true);

        CredentialValidationResult wrongPassword = login(email, "not the password");
        LoginRefusal wrongPasswordRefusal = outcome.refusal().orElseThrow();
        CredentialValidationResult unknownEmail = login(newEmail("nobody"), "not the password");

        assertEquals(wrongPassword.getStatus(), unknownEmail.getStatus());
        assertEquals(LoginRefusal.BAD_CREDENTIALS, wrongPasswordRefusal);
        assertEquals(LoginRefusal.BAD_CREDENTIALS, outcome.refusal().orElseThrow());
    }

    @Test
    void repeatedWrongPasswordsLockTheAddressEvenForTheRightPassword() {
        String email = newEmail("throttled");
        testAccounts.create(email, PASSWORD, true);

        for (int attempt = 0; attempt < LoginThrottle.PER_EMAIL.threshold(); attempt++) {
            login(email, "guess " + attempt);
        }

        assertEquals(CredentialValidationResult.Status.INVALID, login(email, PASSWORD).getStatus());
        assertEquals(LoginRefusal.LOCKED, outcome.refusal().orElseThrow());
        assertTrue(outcome.lockedUntil().orElseThrow().isAfter(java.time.Instant.now()));
    }

    @Test
    void unknownAddressesAreLockedAlikeSoALockRevealsNothing() {
        String email = newEmail("ghost");

        for (int attempt = 0; attempt < LoginThrottle.PER_EMAIL.threshold(); attempt++) {
            login(email, "guess " + attempt);
        }
        login(email, "one more");

        assertEquals(LoginRefusal.LOCKED, outcome.refusal().orElseThrow());
    }

    @Test
    void blockedAccountIsRefusedAsBlocked() {
        String email = newEmail("blocked");
        testAccounts.create(email, PASSWORD, true);
        testAccounts.block(email, "spam");

        assertEquals(CredentialValidationResult.Status.INVALID, login(email, PASSWORD).getStatus());
        assertEquals(LoginRefusal.BLOCKED, outcome.refusal().orElseThrow());
    }

    @Test
    void resetLinkSetsTheChosenPasswordOnce() {
        String email = newEmail("reset");
        testAccounts.create(email, PASSWORD, true);

        accounts.requestPasswordReset(email);
        String token = TestMailServer.token(mailServer.awaitMail(email, 1)).orElseThrow();

        assertTrue(accounts.isResetUsable(token));
        assertTrue(accounts.resetPassword(token, "brand new secret"));
        assertFalse(accounts.resetPassword(token, "another secret 2"), "a link works only once");
        assertEquals(CredentialValidationResult.Status.VALID, login(email, "brand new secret").getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, login(email, PASSWORD).getStatus());
    }

    @Test
    void expiredResetLinkIsRefused() {
        String email = newEmail("reset-expired");
        testAccounts.create(email, PASSWORD, true);
        accounts.requestPasswordReset(email);
        String token = TestMailServer.token(mailServer.awaitMail(email, 1)).orElseThrow();

        testAccounts.expireTokens(email);

        assertFalse(accounts.isResetUsable(token));
        assertFalse(accounts.resetPassword(token, "brand new secret"));
    }

    @Test
    void resetForAnUnknownAddressSendsNothingAndAnswersTheSame() {
        String email = newEmail("unknown-reset");

        accounts.requestPasswordReset(email);

        assertTrue(mailServer.to(email).isEmpty());
    }

    @Test
    void registeringAnExistingAddressMailsANoticeInsteadOfRevealingIt() throws Exception {
        String email = newEmail("twice");
        testAccounts.create(email, PASSWORD, true);

        accounts.register(new Registration(email, "other password 1", null, null, null, Language.EN));

        assertEquals("Попытка регистрации в Рассылке", mailServer.awaitMail(email, 1).getSubject());
    }

    @Test
    void tooShortPasswordIsRefusedAndNothingIsCreated() {
        String email = newEmail("short");

        BusinessException refused = assertThrows(BusinessException.class,
                () -> accounts.register(new Registration(email, "short", null, null, null, Language.RU)));

        assertEquals("password.rules", refused.getMessageKey());
        assertTrue(accounts.findByEmail(email).isEmpty());
    }
}
