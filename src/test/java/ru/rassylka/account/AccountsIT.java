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
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.i18n.Language;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.WebClient;
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
    private AdminAppointment appointment;

    @EJB
    private TestMailServer mailServer;

    @EJB
    private MailQuotas quotas;

    @EJB
    private LoginGuard guard;

    @Inject
    private AccountIdentityStore identityStore;

    @Inject
    private LoginOutcome outcome;

    @Inject
    private UserTransaction transaction;

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

        assertEquals(
                "Подтвердите адрес для Рассылки", mailServer.to(email).get(0).getSubject());
        assertFalse(accounts.findByEmail(email).orElseThrow().isVerified());
        assertTrue(accounts.verify(token));
        assertTrue(accounts.findByEmail(email.toUpperCase()).orElseThrow().isVerified());
        assertFalse(accounts.verify(token), "a link works only once");
    }

    @Test
    void onlyAHashOfTheLinkIsStored() {
        String email = newEmail("hash");
        String token = register(email);

        long stored = (Long)
                testAccounts.count("select count(t) from AccountToken t where t.tokenHash = ?1", Tokens.hash(token));
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

        assertEquals(
                CredentialValidationResult.Status.INVALID,
                login(email, PASSWORD).getStatus());
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

        assertEquals(
                CredentialValidationResult.Status.INVALID,
                login(email, PASSWORD).getStatus());
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

        assertEquals(
                CredentialValidationResult.Status.INVALID,
                login(email, PASSWORD).getStatus());
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
        assertEquals(
                CredentialValidationResult.Status.VALID,
                login(email, "brand new secret").getStatus());
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                login(email, PASSWORD).getStatus());
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
    @RunAsClient
    void resetForAnUnknownAddressSendsNothingAndAnswersTheSame(@ArquillianResource URL base) {
        URI uri = URI.create(base.toString());
        String unknown = newEmail("unknown-reset");
        String known = newEmail("known-reset");
        assertEquals(
                201,
                new WebClient(uri)
                        .post("test-support/users", Map.of("email", known, "password", PASSWORD))
                        .statusCode());

        String unknownAnswer = requestResetThroughThePage(uri, unknown);
        String knownAnswer = requestResetThroughThePage(uri, known);
        // the known address's mail was queued after anything the unknown one could have caused
        assertEquals(
                200,
                new WebClient(uri)
                        .get("test-support/mail?to=" + known + "&count=1")
                        .statusCode());

        assertEquals(
                "0",
                new WebClient(uri).get("test-support/mail-count?to=" + unknown).body());
        assertTrue(knownAnswer.contains("id=\"requested\""), knownAnswer);
        assertEquals(knownAnswer, unknownAnswer);
    }

    /** The part of the reset page that answers a request for this address. */
    private static String requestResetThroughThePage(URI base, String email) {
        WebClient client = new WebClient(base);
        String page = client.get("password-reset").body();
        String answer = client.ajax(
                        "password-reset", page, "request", "request:submit", "state", Map.of("request:email", email))
                .body();
        return answer.replaceAll("(?s)<update id=\"[^\"]*ViewState[^\"]*\">.*?</update>", "")
                .replaceAll("nonce=\"[^\"]*\"|csp\\.init\\('[^']*'\\)", "nonce");
    }

    @Test
    void registeringAnUnverifiedAddressAgainLetsInOnlyWhoeverOpensTheNewLink() {
        String email = newEmail("squatted");
        String firstLink = register(email);

        accounts.register(new Registration(email, "owner's password 1", "Ольга", null, null, Language.RU));
        String ownersLink = TestMailServer.token(mailServer.awaitMail(email, 2)).orElseThrow();

        assertFalse(accounts.verify(firstLink), "the first registrant's link is spent");
        // the new link's page asks whoever opens it for the password
        assertTrue(accounts.verifyChoosingPassword(ownersLink, "owner's password 1"));
        assertEquals(
                CredentialValidationResult.Status.VALID,
                login(email, "owner's password 1").getStatus());
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                login(email, PASSWORD).getStatus());
        assertEquals("Ольга", accounts.findByEmail(email).orElseThrow().getFullName());
    }

    @Test
    @RunAsClient
    void aSecondRegistrationOfAnUnverifiedAddressCannotChooseThePasswordTheOwnerActivates(
            @ArquillianResource URL base) {
        URI uri = URI.create(base.toString());
        String email = newEmail("victim");
        String attackersPassword = "attacker's password 1";
        registerThroughThePage(uri, email, PASSWORD);
        registerThroughThePage(uri, email, attackersPassword);
        String newestLink = TestMailServer.token(new WebClient(uri)
                        .get("test-support/mail?to=" + email + "&count=2")
                        .body())
                .orElseThrow();

        // the owner opens the newest link in her mailbox and does what its page asks, with her own password
        String verified = completeVerification(uri, newestLink, PASSWORD);

        assertTrue(verified.contains("id=\"verified\""), verified);
        assertEquals(
                200,
                new WebClient(uri).logIn(email, attackersPassword).statusCode(),
                "the attacker's password logs in");
        assertEquals(
                302, new WebClient(uri).logIn(email, PASSWORD).statusCode(), "the owner's password does not log in");
    }

    @Test
    @RunAsClient
    void aNewVerificationLinkLetsWhoeverOpensItChooseThePassword(@ArquillianResource URL base) {
        URI uri = URI.create(base.toString());
        String email = newEmail("resent");
        registerThroughThePage(uri, email, "forgotten password 1");
        WebClient client = new WebClient(uri);
        String page = client.get("verify").body();
        client.ajax("verify", page, "resend", "resend:submit", "state", Map.of("resend:email", email));
        String newLink = TestMailServer.token(new WebClient(uri)
                        .get("test-support/mail?to=" + email + "&count=2")
                        .body())
                .orElseThrow();

        String verified = completeVerification(uri, newLink, PASSWORD);

        assertTrue(verified.contains("id=\"verified\""), verified);
        assertEquals(
                302,
                new WebClient(uri).logIn(email, PASSWORD).statusCode(),
                "the password chosen on the link's page does not log in");
    }

    /** Registers through the page as a visitor would; asserts that the page says a link is on its way. */
    private static void registerThroughThePage(URI base, String email, String password) {
        WebClient client = new WebClient(base);
        String page = client.get("register").body();
        String answer = client.ajax(
                        "register",
                        page,
                        "register",
                        "register:submit",
                        "registration",
                        Map.of(
                                "register:email",
                                email,
                                "register:password",
                                password,
                                "register:passwordRepeat",
                                password,
                                "register:fullName",
                                "Vera"))
                .body();
        assertTrue(answer.contains("id=\"done\""), answer);
    }

    /** Opens a verification link and does what its page asks: confirm, or choose the password first; answers the page's answer. */
    private static String completeVerification(URI base, String token, String password) {
        WebClient client = new WebClient(base);
        String page = client.get("verify?token=" + token).body();
        if (page.contains("id=\"choose\"")) {
            return client.ajax(
                            "verify?token=" + token,
                            page,
                            "choose",
                            "choose:submit",
                            "state",
                            Map.of("choose:password", password, "choose:passwordRepeat", password))
                    .body();
        }
        return client.ajax("verify?token=" + token, page, "confirm", "confirm:submit", "state", Map.of())
                .body();
    }

    @Test
    void expiredMailQuotasAndForgottenFailedLoginsArePurgedAndLiveOnesStay() {
        String oldEmail = newEmail("purged");
        String oldClient = "2001:db8:" + Long.toHexString(System.nanoTime() & 0xffff) + "::1";
        String liveEmail = newEmail("kept");
        String liveClient = "198.51.100." + (System.nanoTime() % 200 + 1);
        for (String[] who : new String[][] {{oldEmail, oldClient}, {liveEmail, liveClient}}) {
            quotas.take(who[0], who[1]);
            guard.failed(who[0], who[1], java.time.Instant.now());
        }
        List<String> oldKeys = List.of(LoginGuard.emailKey(oldEmail), LoginGuard.clientKey(oldClient));
        List<String> liveKeys = List.of(LoginGuard.emailKey(liveEmail), LoginGuard.clientKey(liveClient));
        testAccounts.ageCounters(java.time.Duration.ofMinutes(61), oldKeys.toArray(String[]::new));

        quotas.purgeExpired();
        guard.purgeForgotten();

        for (String key : oldKeys) {
            assertEquals(0L, counterRows(key), key);
        }
        for (String key : liveKeys) {
            assertEquals(2L, counterRows(key), key);
        }
    }

    /** The rows that count under a key: its mail quota and its failed logins. */
    private long counterRows(String key) {
        return (Long) testAccounts.count("select count(q) from MailQuota q where q.key = ?1", key)
                + (Long) testAccounts.count("select count(e) from ThrottleEntry e where e.key = ?1", key);
    }

    @Test
    void aSecondUseOfAResetLinkWhileTheFirstIsStillOpenLosesCleanly() throws Exception {
        String email = newEmail("race");
        testAccounts.create(email, PASSWORD, true);
        accounts.requestPasswordReset(email);
        String token = TestMailServer.token(mailServer.awaitMail(email, 1)).orElseThrow();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            transaction.begin();
            assertTrue(accounts.resetPassword(token, "first racer 1"));
            Future<Boolean> second = other.submit(() -> accounts.resetPassword(token, "second racer 2"));
            Thread.sleep(1000); // the second use reaches the token while the first transaction holds it
            transaction.commit();

            assertFalse(second.get(30, TimeUnit.SECONDS));
            assertEquals(
                    CredentialValidationResult.Status.VALID,
                    login(email, "first racer 1").getStatus());
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void onlyThreeAccountMailsPerHourReachOneAddressWhateverIsAsked() {
        String email = newEmail("bombed");
        testAccounts.create(email, PASSWORD, true);
        String marker = newEmail("after-bombing");
        testAccounts.create(marker, PASSWORD, true);

        for (int request = 0; request < 3; request++) {
            accounts.requestPasswordReset(email);
        }
        accounts.requestPasswordReset(email);
        accounts.register(new Registration(email, "other password 1", null, null, null, Language.RU));
        accounts.requestPasswordReset(marker);
        // the marker's mail was queued last: once it arrives, everything asked before it has been sent
        mailServer.awaitMail(marker, 1);

        assertEquals(3, mailServer.to(email).size());
    }

    @Test
    void registeringAnExistingAddressMailsANoticeInsteadOfRevealingIt() throws Exception {
        String email = newEmail("twice");
        testAccounts.create(email, PASSWORD, true);

        accounts.register(new Registration(email, "other password 1", null, null, null, Language.EN));

        assertEquals(
                "Попытка регистрации в Рассылке", mailServer.awaitMail(email, 1).getSubject());
    }

    @Test
    void nameWithALineBreakIsRefusedAndNothingIsCreated() {
        String email = newEmail("header");

        assertThrows(
                Exception.class,
                () -> accounts.register(
                        new Registration(email, PASSWORD, "Анна\r\nBcc: all@example.org", null, null, Language.RU)));

        assertTrue(accounts.findByEmail(email).isEmpty());
    }

    @Test
    void configuredAdministratorWithAnExistingAccountGetsTheRoleAndKeepsItsPassword() {
        String email = newEmail("appointed");
        testAccounts.create(email, PASSWORD, true);

        assertEquals(AdminAppointment.Result.GRANTED, appointment.appoint(email, "configured password 1"));

        assertTrue(accounts.findByEmail(email).orElseThrow().hasRole(Role.ADMIN));
        assertEquals(
                CredentialValidationResult.Status.VALID, login(email, PASSWORD).getStatus());
    }

    @Test
    void twoInstancesAppointingTheFirstAdministratorAtOnceCreateOneAccountAndBothStart() throws Exception {
        String email = newEmail("first-admin");
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<AdminAppointment.Result>> starts = List.of(
                    instances.submit(() -> appointment.appoint(email, "configured password 1")),
                    instances.submit(() -> appointment.appoint(email, "configured password 1")));

            List<AdminAppointment.Result> outcomes = new java.util.ArrayList<>();
            for (Future<AdminAppointment.Result> start : starts) {
                outcomes.add(start.get(60, TimeUnit.SECONDS));
            }

            assertEquals(
                    1,
                    outcomes.stream()
                            .filter(outcome -> outcome == AdminAppointment.Result.CREATED)
                            .count(),
                    outcomes.toString());
            assertEquals(1L, testAccounts.count("select count(u) from User u where u.email = ?1", email));
            assertTrue(accounts.findByEmail(email).orElseThrow().hasRole(Role.ADMIN));
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void tooShortPasswordIsRefusedAndNothingIsCreated() {
        String email = newEmail("short");

        BusinessException refused = assertThrows(
                BusinessException.class,
                () -> accounts.register(new Registration(email, "short", null, null, null, Language.RU)));

        assertEquals("password.rules", refused.getMessageKey());
        assertTrue(accounts.findByEmail(email).isEmpty());
    }
}
