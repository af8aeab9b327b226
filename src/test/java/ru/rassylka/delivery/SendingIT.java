package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rassylka.testing.server.Callers.as;
import static ru.rassylka.testing.server.TestMailings.PATIENCE;
import static ru.rassylka.testing.server.TestMailings.address;
import static ru.rassylka.testing.server.TestMailings.await;
import static ru.rassylka.testing.server.TestMailings.pause;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.Role;
import ru.rassylka.delivery.engine.Claim;
import ru.rassylka.delivery.engine.Claimed;
import ru.rassylka.delivery.engine.Claims;
import ru.rassylka.delivery.engine.Outcomes;
import ru.rassylka.delivery.engine.RunEnd;
import ru.rassylka.delivery.engine.SendResult;
import ru.rassylka.delivery.engine.SendingEngine;
import ru.rassylka.delivery.engine.SendingTimers;
import ru.rassylka.delivery.engine.Verdict;
import ru.rassylka.delivery.unsubscribe.Unsubscriptions;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.MailingService;
import ru.rassylka.mailing.MailingStatus;
import ru.rassylka.mailing.Periodicity;
import ru.rassylka.manage.AllMailings;
import ru.rassylka.platform.persistence.Migrations;
import ru.rassylka.platform.signing.SigningKeys;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.FaultySmtpFront;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestMailServer;
import ru.rassylka.testing.server.TestMailings;
import ru.rassylka.testing.server.TestSending;
import ru.rassylka.testing.server.TestWorkspace;

/**
 * The sending engine on Payara with PostgreSQL and the test SMTP server: timers, runs, one e-mail
 * per recipient, retries, refusals, controls, unsubscribing and a restart that lost its timers.
 * The test server runs with small batches, a one-second retry delay and a three-second lease (pom.xml).
 */
@ArquillianTest
class SendingIT {

    private static final String PASSWORD = "sending password";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Inject
    private TestMailings scenario;

    @EJB
    private TestAccounts accounts;

    @EJB
    private TestWorkspace workspace;

    @EJB
    private TestSending sending;

    @EJB
    private TestMailServer mail;

    @EJB
    private MailingService mailings;

    @EJB
    private AllMailings allMailings;

    @EJB
    private SendingTimers timers;

    @EJB
    private Unsubscriptions unsubscriptions;

    @EJB
    private SigningKeys signingKeys;

    @EJB
    private Claims claims;

    @EJB
    private Outcomes outcomes;

    @EJB
    private RunEnd runEnd;

    @EJB
    private SendingEngine engine;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    private UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    private long htmlMessage(String owner) {
        return workspace
                .createMessage(
                        owner,
                        "Hello, {{full_name}}",
                        "<p>Dear <b>{{full_name}}</b>, news for {{email}}.</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>")
                .getId();
    }

    @Test
    void mailingDueInThreeSecondsIsSentOnTimeOneMailPerRecipientWithHeadersAndAttempts() throws Exception {
        String owner = scenario.owner("due");
        String first = address("anna");
        String second = address("boris");
        long anna = scenario.client(owner, first, "Анна Петрова");
        long boris = scenario.client(owner, second, "Boris <b>Bold</b>");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(anna, boris), 3, Periodicity.ONCE);
        Instant scheduled = mailing.getNextRunAt();

        MimeMessage toAnna = mail.awaitMail(first, 1);
        MimeMessage toBoris = mail.awaitMail(second, 1);

        MailingRun run = scenario.finishedRun(mailing.getId());
        assertEquals(scheduled, run.getScheduledAt());
        assertFalse(run.getStartedAt().isBefore(scheduled), "not sent before its time");
        assertTrue(
                run.getStartedAt().isBefore(scheduled.plusSeconds(10)),
                "started at " + run.getStartedAt() + " for " + scheduled);
        assertEquals(2, run.getTotal());
        assertEquals(2, run.getSent());
        for (MimeMessage received : List.of(toAnna, toBoris)) {
            assertEquals(1, received.getRecipients(Message.RecipientType.TO).length, "To: holds one address");
            assertNull(received.getRecipients(Message.RecipientType.CC));
            assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
            assertTrue(
                    received.getHeader("List-Unsubscribe", null).matches("<http://.+/unsubscribe\\?t=[A-Za-z0-9_-]+>"),
                    received.getHeader("List-Unsubscribe", null));
            assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
            assertTrue(
                    received.getMessageID().matches("<\\d+\\." + run.getId() + "\\.rassylka@.+>"),
                    received.getMessageID());
        }
        assertEquals("Hello, Анна Петрова", toAnna.getSubject());
        String text = part(toAnna, "text/plain");
        assertTrue(text.contains("Dear Анна Петрова, news for " + first), text);
        assertTrue(text.contains("/unsubscribe?t="), text);
        String html = part(toBoris, "text/html");
        assertTrue(html.contains("Boris &lt;b&gt;Bold&lt;/b&gt;"), "the name is escaped in HTML: " + html);
        assertTrue(html.contains("/unsubscribe?t="), "the body's link is the delivery's unsubscribe address: " + html);
        assertEquals(1, mail.to(first).size());

        Delivery delivery = scenario.deliveryTo(run.getId(), first);
        assertEquals(DeliveryState.SENT, delivery.getState());
        List<DeliveryAttempt> attempts = sending.attempts(delivery.getId());
        assertEquals(1, attempts.size());
        assertEquals(DeliveryState.SENT, attempts.get(0).getOutcome());
        assertEquals(250, attempts.get(0).getSmtpCode());
        assertTrue(attempts.get(0).getReply().contains("Ok"), attempts.get(0).getReply());
        Mailing after = sending.mailing(mailing.getId());
        assertNull(after.getNextRunAt());
        assertEquals(MailingStatus.COMPLETED, after.status(Instant.now()));
    }

    @Test
    void dailyMailingGetsItsNextRunPlannedADayLater() {
        String owner = scenario.owner("daily");
        String to = address("daily");
        long client = scenario.client(owner, to, "Daily Reader");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(client), 2, Periodicity.DAILY);
        Instant first = mailing.getNextRunAt();

        mail.awaitMail(to, 1);
        scenario.finishedRun(mailing.getId());

        Mailing after = sending.mailing(mailing.getId());
        assertEquals(first.plus(Duration.ofDays(1)), after.getNextRunAt());
        assertEquals(first, after.getLastOccurrenceAt());
        assertEquals(MailingStatus.STARTED, after.status(Instant.now()));
    }

    @Test
    void temporaryRefusalIsRetriedAndThenSent() {
        String owner = scenario.owner("defer");
        String to = address("later").replace("@", "+defer4xx@");
        long client = scenario.client(owner, to, "Later Reader");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(client), 1, Periodicity.ONCE);

        mail.awaitMail(to, 1);
        MailingRun run = scenario.finishedRun(mailing.getId());

        Delivery delivery = scenario.deliveryTo(run.getId(), to);
        assertEquals(DeliveryState.SENT, delivery.getState());
        assertEquals(2, delivery.getAttempts());
        List<DeliveryAttempt> attempts = sending.attempts(delivery.getId());
        assertEquals(
                List.of(DeliveryState.RETRY, DeliveryState.SENT),
                attempts.stream().map(DeliveryAttempt::getOutcome).toList());
        assertEquals(451, attempts.get(0).getSmtpCode());
        assertTrue(
                attempts.get(0).getReply().contains("Temporary failure"),
                attempts.get(0).getReply());
        assertEquals(250, attempts.get(1).getSmtpCode());
        assertEquals(1, mail.to(to).size());
    }

    @Test
    void permanentRefusalFailsAtOnceWithoutRetry() {
        String owner = scenario.owner("reject");
        String bad = address("nobody").replace("@", "+reject5xx@");
        String good = address("somebody");
        long badClient = scenario.client(owner, bad, "Nobody");
        long goodClient = scenario.client(owner, good, "Somebody");
        Mailing mailing =
                scenario.mailingIn(owner, htmlMessage(owner), Set.of(badClient, goodClient), 1, Periodicity.ONCE);

        mail.awaitMail(good, 1);
        MailingRun run = scenario.finishedRun(mailing.getId());

        Delivery delivery = scenario.deliveryTo(run.getId(), bad);
        assertEquals(DeliveryState.FAILED, delivery.getState());
        assertEquals(1, delivery.getAttempts());
        assertNull(delivery.getNextAttemptAt());
        List<DeliveryAttempt> attempts = sending.attempts(delivery.getId());
        assertEquals(1, attempts.size());
        assertEquals(550, attempts.get(0).getSmtpCode());
        assertTrue(
                attempts.get(0).getReply().contains("User unknown"),
                attempts.get(0).getReply());
        assertEquals(1, run.getFailed());
        assertEquals(1, run.getSent());
        assertTrue(mail.to(bad).isEmpty());
    }

    @Test
    void pauseStopsARunningRunAndResumeFinishesItWithoutDuplicates() {
        String owner = scenario.owner("pause");
        List<String> recipients = slowRecipients(owner, 16);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 1, Periodicity.ONCE);

        await("the first e-mails", () -> received(recipients) >= 2);
        as(accounts.byEmail(owner), () -> mailings.pause(mailing.getId()));
        pause(2500); // in-flight batches finish
        int atPause = received(recipients);
        pause(2000);
        assertEquals(atPause, received(recipients), "nothing more is sent while paused");
        assertTrue(atPause < recipients.size(), "the pause came in the middle of the run: " + atPause);
        MailingRun paused = sending.runs(mailing.getId()).get(0);
        assertFalse(paused.isFinished());
        assertEquals(
                MailingStatus.STARTED,
                sending.mailing(mailing.getId()).status(Instant.now()),
                "a once-only mailing whose run is still open has started, not completed");

        as(accounts.byEmail(owner), () -> mailings.resume(mailing.getId()));
        MailingRun run = scenario.finishedRun(mailing.getId());
        assertEquals(recipients.size(), run.getSent());
        for (String to : recipients) {
            assertEquals(1, mail.to(to).size(), to);
        }
        assertEquals(MailingStatus.COMPLETED, sending.mailing(mailing.getId()).status(Instant.now()));
    }

    @Test
    void disableByAManagerStopsARunningRunAndSkipsTheRest() {
        String manager = "manager-" + System.nanoTime() + "@example.org";
        accounts.create(manager, PASSWORD, true, Role.MANAGER);
        stopMidRunSkipsTheRest(
                "disable",
                (owner, mailing) -> as(accounts.byEmail(manager), () -> allMailings.disable(mailing, "Complaints")),
                SkipReason.MAILING_DISABLED);
    }

    @Test
    void deleteByTheOwnerStopsARunningRunAndSkipsTheRest() {
        stopMidRunSkipsTheRest(
                "delete",
                (owner, mailing) -> as(accounts.byEmail(owner), () -> mailings.delete(mailing)),
                SkipReason.MAILING_DELETED);
    }

    @Test
    void blockedOwnersRunStopsAndItsPendingDeliveriesAreNotSent() {
        stopMidRunSkipsTheRest("blocked", (owner, mailing) -> accounts.block(owner, "Spam"), SkipReason.OWNER_BLOCKED);
    }

    private void stopMidRunSkipsTheRest(String prefix, BiConsumer<String, Long> stop, SkipReason reason) {
        String owner = scenario.owner(prefix);
        List<String> recipients = slowRecipients(owner, 16);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 1, Periodicity.ONCE);

        await("the first e-mails", () -> received(recipients) >= 2);
        stop.accept(owner, mailing.getId());
        MailingRun run = scenario.finishedRun(mailing.getId());

        assertTrue(run.getSkipped() > 0, "some were skipped: " + run.getSkipped());
        assertEquals(recipients.size(), run.getSent() + run.getSkipped());
        assertTrue(sending.deliveries(run.getId()).stream()
                .filter(d -> d.getState() == DeliveryState.SKIPPED)
                .allMatch(d -> d.getReason() == reason));
        pause(1500);
        assertEquals(run.getSent(), received(recipients), "nothing is sent after the stop but what was in flight");
    }

    @Test
    void sendNowCountsTheClientsNeitherUnsubscribedNorSuppressed() {
        String owner = scenario.owner("count");
        long staysId = scenario.client(owner, address("stays"), "Stays");
        long leftId = scenario.client(owner, address("left"), "Left");
        String suppressed = address("suppressed");
        long suppressedId = scenario.client(owner, suppressed, "Suppressed");
        scenario.client(owner, address("other"), "Other");
        sending.unsubscribe(leftId);
        long message = htmlMessage(owner);
        Mailing toAll = scenario.mailingIn(owner, message, Set.of(), 3600, Periodicity.ONCE);
        Mailing toChosen =
                scenario.mailingIn(owner, message, Set.of(staysId, leftId, suppressedId), 3600, Periodicity.ONCE);

        assertEquals(2, sending.recipientsNow(owner, toAll.getId(), List.of(suppressed)), "all but the two");
        assertEquals(1, sending.recipientsNow(owner, toChosen.getId(), List.of()), "of the chosen, the one who stays");
    }

    @Test
    void unsubscribedClientIsSkippedAndTheLinkUnsubscribes() throws Exception {
        String owner = scenario.owner("unsubscribe");
        String stays = address("stays");
        String left = address("left");
        long staysId = scenario.client(owner, stays, "Stays");
        long leftId = scenario.client(owner, left, "Left");
        sending.unsubscribe(leftId);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 1, Periodicity.ONCE);

        MimeMessage received = mail.awaitMail(stays, 1);
        MailingRun run = scenario.finishedRun(mailing.getId());

        assertEquals(1, run.getSkipped());
        Delivery skipped = scenario.deliveryTo(run.getId(), left);
        assertEquals(DeliveryState.SKIPPED, skipped.getState());
        assertEquals(SkipReason.UNSUBSCRIBED, skipped.getReason());
        assertTrue(mail.to(left).isEmpty());

        String token = tokenOf(received.getHeader("List-Unsubscribe", null));
        assertEquals(stays, unsubscriptions.find(token).orElseThrow().getEmail());
        assertFalse(sending.client(staysId).isUnsubscribed(), "finding the link changes nothing");
        assertEquals(stays, unsubscriptions.unsubscribe(token).orElseThrow());
        assertTrue(sending.client(staysId).isUnsubscribed());
        assertTrue(
                unsubscriptions
                        .unsubscribe(token.substring(0, token.length() - 2) + "AA")
                        .isEmpty(),
                "a forged token does nothing");
        assertTrue(unsubscriptions.find("not-a-token").isEmpty());
    }

    @Test
    void restartWithTimersGoneSendsAMissedOccurrenceOnceAndPlansTheNextFuture() {
        String owner = scenario.owner("restart");
        String to = address("restart");
        long client = scenario.client(owner, to, "Restart Reader");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(client), 3600, Periodicity.DAILY);
        // as if the service had been down for three days: three occurrences missed, no timer for them
        LocalDateTime firstSend = LocalDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.MINUTES);
        sending.occurrenceMissed(mailing.getId(), firstSend, firstSend.toInstant(ZoneOffset.UTC));

        timers.rebuild(); // what every start does; the sweep would find it as well

        mail.awaitMail(to, 1);
        MailingRun run = scenario.finishedRun(mailing.getId());
        pause(6000); // a sweep and the rebuilt timer have both had their chance
        assertEquals(1, sending.runs(mailing.getId()).size(), "one run for all missed occurrences");
        assertEquals(1, mail.to(to).size());
        assertEquals(
                firstSend.plusDays(3).toInstant(ZoneOffset.UTC), run.getScheduledAt(), "the latest missed occurrence");
        Instant next = sending.mailing(mailing.getId()).getNextRunAt();
        assertNotNull(next);
        assertTrue(next.isAfter(Instant.now()), "the next send lies in the future: " + next);
    }

    @Test
    void instancesCreatingTheFirstSigningKeyAtOnceAllEndWithTheSameKeyAndNoError() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            // as on a fresh database where several instances start together; each round a key nobody has made yet
            for (int round = 0; round < 25; round++) {
                String name = "race-" + System.nanoTime();
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<String>> keys = new ArrayList<>();
                for (int instance = 0; instance < 4; instance++) {
                    String fresh = "key of instance " + instance;
                    keys.add(instances.submit(() -> {
                        start.await();
                        return signingKeys.signingKey(name, fresh);
                    }));
                }
                Set<String> made = new HashSet<>();
                for (Future<String> key : keys) {
                    made.add(key.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
                }
                assertEquals(1, made.size(), "round " + round + ": " + made);
            }
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void twoInstancesStoppingOneRunCountEachSkippedDeliveryOnce() throws Exception {
        String owner = scenario.owner("twostops");
        List<String> recipients = slowRecipients(owner, 6);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());

        // one instance stops the run and holds its transaction open: the owner is blocked in it
        transaction.begin();
        Future<?> other;
        try {
            sending.blockOwnerNow(owner);
            runEnd.skipStopped(Instant.now());
            // the other instance sees the run stopped as well (its mailing is disabled meanwhile) and meets the held
            // rows
            sending.disableNow(mailing.getId());
            other = executor.submit(() -> runEnd.skipStopped(Instant.now()));
            await("the other instance waits for the held rows", () -> sending.lockWaiters() > 0);
        } finally {
            transaction.commit();
        }
        other.get();

        MailingRun stopped = sending.runs(mailing.getId()).get(0);
        long skippedRows = sending.deliveries(run.getId()).stream()
                .filter(d -> d.getState() == DeliveryState.SKIPPED)
                .count();
        assertEquals(recipients.size(), skippedRows);
        assertEquals(skippedRows, stopped.getSkipped(), "each skipped delivery counted once");
        assertEquals(0, stopped.getPending());
    }

    @Test
    void aMailingThatFailsInTheSweepHoldsBackNoLaterMailing() {
        String owner = scenario.owner("sweep");
        long message = htmlMessage(owner);
        String poisonTo = address("poison");
        String to = address("after-poison");
        long poisonClient = scenario.client(owner, poisonTo, "Poison");
        long client = scenario.client(owner, to, "After Poison");
        // the oldest due mailing, whose occurrence can never be written: a run of that instant exists already
        Mailing poison = scenario.mailingIn(owner, message, Set.of(poisonClient), 3600, Periodicity.ONCE);
        LocalDateTime longAgo = LocalDateTime.of(2001, 1, 1, 0, 0);
        sending.occurrenceMissed(poison.getId(), longAgo, longAgo.toInstant(ZoneOffset.UTC));
        sending.runExists(poison.getId(), longAgo.toInstant(ZoneOffset.UTC));
        // a later due mailing without a timer: only the sweep starts it
        Mailing later = scenario.mailingIn(owner, message, Set.of(client), 3600, Periodicity.ONCE);
        LocalDateTime minuteAgo =
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        sending.occurrenceMissed(later.getId(), minuteAgo, minuteAgo.toInstant(ZoneOffset.UTC));
        try {
            mail.awaitMail(to, 1);
            assertEquals(1, scenario.finishedRun(later.getId()).getSent());
        } finally {
            as(accounts.byEmail(owner), () -> mailings.delete(poison.getId()));
        }
        assertTrue(mail.to(poisonTo).isEmpty());
    }

    @Test
    void stoppedRunWhoseDeliveriesADeadInstanceHeldFinishes() {
        String owner = scenario.owner("dead");
        List<String> recipients = slowRecipients(owner, 3);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        sending.leasedToDeadInstance(run.getId(), Instant.now().minusSeconds(60));

        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));

        MailingRun finished = scenario.finishedRun(mailing.getId());
        assertEquals(recipients.size(), finished.getSkipped());
        assertTrue(
                sending.deliveries(run.getId()).stream()
                        .allMatch(d ->
                                d.getState() == DeliveryState.SKIPPED && d.getReason() == SkipReason.MAILING_DELETED),
                "the dead instance's deliveries are skipped with the reason");
        assertFalse(sending.mailing(mailing.getId()).isSending());
        assertEquals(0, received(recipients));
    }

    @Test
    void lateOutcomeOfADeliveryTakenOverWhenItsRunStoppedIsNotCountedAgain() {
        String owner = scenario.owner("late");
        slowRecipients(owner, 2);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Instant now = Instant.now();
        // a slow instance holds both deliveries past its lease
        List<Claimed> held = claims.claim(run.getId(), "slow-instance", 10, now, now.minusSeconds(1))
                .deliveries();
        assertEquals(2, held.size());
        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));
        runEnd.skipStopped(Instant.now());

        outcomes.record("slow-instance", List.of(sent(held.get(0), now)));

        MailingRun stopped = sending.runs(mailing.getId()).get(0);
        assertEquals(2, stopped.getSkipped());
        assertEquals(0, stopped.getSent(), "the delivery was counted as skipped already");
        assertEquals(
                DeliveryState.SKIPPED,
                scenario.deliveryTo(run.getId(), held.get(0).email()).getState());
    }

    @Test
    void idleCheckOfAnOpenRunReadsOneWaitingDeliveryAtMost() {
        String owner = scenario.owner("idle");
        slowRecipients(owner, 12);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());

        long read = sending.rowsRead(RunEnd.LEFT, run.getId());

        assertTrue(
                read <= 2,
                "the check whether anything is left stops at the first of 12 waiting deliveries: " + read
                        + " rows read");
        assertFalse(runEnd.finishIfDone(run.getId(), Instant.now()), "the run still has deliveries to send");
        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));
    }

    @Test
    void aCyrillicLocalPartGoesOutOnlyWithSmtputf8AndFailsWithItsReasonWithout() {
        String owner = scenario.owner("smtputf8");
        String marker = "-" + System.nanoTime() + "@example.com";
        String offered = "стас" + marker;
        String notOffered = "олег" + marker.replace("@", "0@");
        long offeredClient = scenario.client(owner, offered, "Стас");
        long notOfferedClient = scenario.client(owner, notOffered, "Олег");

        mail.offerSmtputf8(true);
        try {
            Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(offeredClient), 1, Periodicity.ONCE);
            MailingRun run = scenario.finishedRun(mailing.getId());
            assertEquals(
                    DeliveryState.SENT,
                    scenario.deliveryTo(run.getId(), offered).getState(),
                    scenario.deliveryTo(run.getId(), offered).getLastReply());
        } finally {
            mail.behaveNormally();
        }
        List<FaultySmtpFront.Envelope> envelopes = mail.envelopesTo(marker);
        assertEquals(1, envelopes.size(), "one transaction for the address");
        assertEquals(
                List.of("RCPT TO:<" + offered + ">"),
                utf8(envelopes.get(0).rcptTo()),
                "the address as the client has it, in UTF-8");
        assertArrayEquals(
                ("RCPT TO:<" + offered + ">").getBytes(StandardCharsets.UTF_8),
                envelopes.get(0).rcptTo().get(0));
        assertTrue(
                new String(envelopes.get(0).mailFrom(), StandardCharsets.UTF_8).endsWith(" SMTPUTF8"),
                "the transaction asks for SMTPUTF8: "
                        + new String(envelopes.get(0).mailFrom(), StandardCharsets.UTF_8));

        Mailing without = scenario.mailingIn(owner, htmlMessage(owner), Set.of(notOfferedClient), 1, Periodicity.ONCE);
        MailingRun run = scenario.finishedRun(without.getId());
        Delivery failed = scenario.deliveryTo(run.getId(), notOffered);
        assertEquals(DeliveryState.FAILED, failed.getState());
        assertEquals(1, failed.getAttempts(), "a permanent failure, not retried");
        assertEquals("NO_SMTPUTF8", String.valueOf(failed.getReason()), "the reason the statistics show");
        assertTrue(failed.getLastReply().contains("SMTPUTF8"), failed.getLastReply());
        assertEquals(1, run.getFailed());
        assertTrue(
                mail.envelopesTo(marker.replace("@", "0@")).isEmpty(),
                "no changed address went out: "
                        + utf8(mail.envelopesTo(marker.replace("@", "0@")).stream()
                                .flatMap(envelope -> envelope.rcptTo().stream())
                                .toList()));
    }

    @Test
    void anInternationalDomainGoesOutInItsAsciiForm() {
        String owner = scenario.owner("idn");
        String local = "ivan-" + System.nanoTime();
        String client = local + "@почта.рф";
        String ascii = local + "@xn--80a1acny.xn--p1ai";
        long clientId = scenario.client(owner, client, "Иван");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(clientId), 1, Periodicity.ONCE);

        MimeMessage received = mail.awaitMail(ascii, 1);
        MailingRun run = scenario.finishedRun(mailing.getId());

        assertEquals(
                DeliveryState.SENT, scenario.deliveryTo(run.getId(), client).getState());
        List<FaultySmtpFront.Envelope> envelopes = mail.envelopesTo(local + "@");
        assertEquals(1, envelopes.size());
        assertArrayEquals(
                ("RCPT TO:<" + ascii + ">").getBytes(StandardCharsets.US_ASCII),
                envelopes.get(0).rcptTo().get(0));
        assertFalse(
                new String(envelopes.get(0).mailFrom(), StandardCharsets.UTF_8).contains("SMTPUTF8"),
                "no SMTPUTF8 is needed");
        String to = assertDoesNotThrow(() -> received.getHeader("To", null));
        assertTrue(to.endsWith("<" + ascii + ">"), "the To header names the ASCII form: " + to);
    }

    @Test
    void refusedAndAcceptedRecipientsAreRecordedAlikeWithAndWithoutPipelining() {
        for (boolean pipelining : List.of(true, false)) {
            String owner = scenario.owner("pipelining-" + pipelining);
            String good = address("good-" + pipelining);
            String unknown = address("unknown-" + pipelining).replace("@", "+reject5xx@");
            String later = address("later-" + pipelining).replace("@", "+defer4xx@");
            Set<Long> clients = new HashSet<>();
            for (String to : List.of(good, unknown, later)) {
                clients.add(scenario.client(owner, to, "Reader"));
            }
            mail.offerPipelining(pipelining);
            MailingRun run;
            try {
                Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), clients, 1, Periodicity.ONCE);
                run = scenario.finishedRun(mailing.getId());
            } finally {
                mail.behaveNormally();
            }

            assertEquals(2, run.getSent(), "pipelining " + pipelining);
            assertEquals(1, run.getFailed(), "pipelining " + pipelining);
            assertEquals(1, mail.to(good).size());
            assertEquals(1, mail.to(later).size());
            assertTrue(mail.to(unknown).isEmpty());
            List<DeliveryAttempt> refused =
                    sending.attempts(scenario.deliveryTo(run.getId(), unknown).getId());
            assertEquals(
                    List.of(550),
                    refused.stream().map(DeliveryAttempt::getSmtpCode).toList());
            assertTrue(
                    refused.get(0).getReply().contains("User unknown"),
                    refused.get(0).getReply());
            List<DeliveryAttempt> deferred =
                    sending.attempts(scenario.deliveryTo(run.getId(), later).getId());
            assertEquals(
                    List.of(451, 250),
                    deferred.stream().map(DeliveryAttempt::getSmtpCode).toList());
            for (String to : List.of(good, unknown, later)) {
                assertTrue(
                        mail.envelopesTo(to).stream().allMatch(envelope -> envelope.pipelined() == pipelining),
                        "the envelopes to " + to + " came " + (pipelining ? "" : "not ") + "pipelined");
            }
        }
    }

    @Test
    void aThrottlingRelaySlowsTheSenderWithoutSpendingRecipientsAttempts() {
        String owner = scenario.owner("throttled");
        List<String> recipients = List.of(address("throttled-a"), address("throttled-b"), address("throttled-c"));
        Set<Long> clients = new HashSet<>();
        recipients.forEach(to -> clients.add(scenario.client(owner, to, "Throttled")));
        int throttles = 5; // as many as one recipient's attempts (SEND_MAX_ATTEMPTS 5)

        mail.answerMailFrom("451 4.7.1 Sending rate limited, slow down", throttles);
        MailingRun run;
        try {
            Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), clients, 1, Periodicity.ONCE);
            run = scenario.finishedRun(mailing.getId());
        } finally {
            mail.behaveNormally();
        }

        assertEquals(recipients.size(), run.getSent());
        int throttled = 0;
        for (String to : recipients) {
            assertEquals(1, mail.to(to).size(), "one e-mail to " + to);
            Delivery delivery = scenario.deliveryTo(run.getId(), to);
            assertEquals(DeliveryState.SENT, delivery.getState());
            assertEquals(1, delivery.getAttempts(), "the throttled tries were not " + to + "'s attempts");
            List<DeliveryAttempt> attempts = sending.attempts(delivery.getId());
            assertEquals(DeliveryState.SENT, attempts.get(attempts.size() - 1).getOutcome());
            for (DeliveryAttempt attempt : attempts.subList(0, attempts.size() - 1)) {
                assertEquals(DeliveryState.RETRY, attempt.getOutcome());
                assertEquals(451, attempt.getSmtpCode());
                assertTrue(attempt.getReply().contains("rate limited"), attempt.getReply());
                throttled++;
            }
        }
        assertEquals(throttles, throttled, "every throttled try is recorded with its reply");
    }

    @Test
    void aLastingSenderRefusalPausesTheRunWithItsReason() {
        String owner = scenario.owner("refused-sender");
        List<String> recipients = List.of(address("sender-refused-a"), address("sender-refused-b"));
        Set<Long> clients = new HashSet<>();
        recipients.forEach(to -> clients.add(scenario.client(owner, to, "Sender Refused")));

        mail.answerMailFrom("550 5.7.1 Sender address rejected: not owned by the login", Integer.MAX_VALUE);
        Mailing mailing;
        try {
            mailing = scenario.mailingIn(owner, htmlMessage(owner), clients, 1, Periodicity.ONCE);
            await(
                    "the mailing paused by the refusal",
                    () -> sending.mailing(mailing.getId()).isPaused());
            await(
                    "the refused attempt recorded",
                    () -> sending.runs(mailing.getId()).stream()
                            .flatMap(run -> sending.deliveries(run.getId()).stream())
                            .anyMatch(d -> d.getLastCode() != null));
        } finally {
            mail.behaveNormally();
        }

        Mailing paused = sending.mailing(mailing.getId());
        assertTrue(paused.getPausedReason().contains("550 5.7.1 Sender address rejected"), paused.getPausedReason());
        MailingRun run = sending.runs(mailing.getId()).get(0);
        assertFalse(run.isFinished(), "the run waits");
        assertEquals(0, run.getFailed(), "no recipient failed for the sender's refusal");
        for (Delivery delivery : sending.deliveries(run.getId())) {
            assertEquals(0, delivery.getAttempts(), "no attempt of " + delivery.getEmail() + " is spent");
            assertFalse(delivery.getState().isFinal(), delivery.getState().name());
        }
        assertTrue(
                sending.deliveries(run.getId()).stream()
                        .flatMap(d -> sending.attempts(d.getId()).stream())
                        .anyMatch(attempt -> Integer.valueOf(550).equals(attempt.getSmtpCode())),
                "the refusal is recorded as an attempt");

        as(accounts.byEmail(owner), () -> mailings.resume(mailing.getId()));
        MailingRun finished = scenario.finishedRun(mailing.getId());
        assertEquals(recipients.size(), finished.getSent());
        for (String to : recipients) {
            assertEquals(1, mail.to(to).size(), to);
        }
        assertNull(sending.mailing(mailing.getId()).getPausedReason(), "resuming clears the reason");
    }

    private static List<String> utf8(List<byte[]> commands) {
        return commands.stream()
                .map(command -> new String(command, StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void batchesThatOutliveTheirLeaseSendEachRecipientOneMail() {
        // two workers claim up to two deliveries for 3 s (pom.xml), and this relay takes 2 s per e-mail
        String owner = scenario.owner("outlive");
        List<String> recipients = slowRecipients(owner, 8, "+slower@");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 1, Periodicity.ONCE);

        MailingRun run = scenario.finishedRun(mailing.getId());
        pause(2500); // an e-mail still on its way to the relay arrives meanwhile

        assertEquals(recipients.size(), run.getSent());
        for (String to : recipients) {
            assertEquals(1, mail.envelopeTo(to).size(), "e-mails with RCPT TO " + to);
        }
    }

    @Test
    void aRunOfTwentyFiveAtFourPerSecondOutlastingItsThreeSecondLeaseSendsEachRecipientOneMail() {
        // two workers and a 3-s lease (pom.xml); claims of at most 10 at 4 messages/s: about 6 s of sending
        String owner = scenario.owner("paced");
        String marker = "-" + System.nanoTime() + "@paced.example.net";
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String to = "paced" + i + marker;
            scenario.client(owner, to, "Paced " + i);
            recipients.add(to);
        }
        Map<List<Long>, Set<Instant>> leaseEnds = new HashMap<>();
        MailingRun run;
        engine.usePace(4, 10);
        try {
            Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 1, Periodicity.ONCE);
            await(
                    "the run of mailing " + mailing.getId(),
                    () -> !sending.runs(mailing.getId()).isEmpty());
            long runId = sending.runs(mailing.getId()).get(0).getId();
            // each delivery under its claim, with every lease end it was seen with while being sent
            await("the run finished", () -> {
                sending.leases(runId)
                        .forEach(lease -> leaseEnds
                                .computeIfAbsent(List.of(lease.delivery(), lease.claim()), key -> new HashSet<>())
                                .add(lease.until()));
                pause(100);
                return sending.runs(mailing.getId()).get(0).isFinished();
            });
            run = sending.runs(mailing.getId()).get(0);
        } finally {
            engine.useConfiguredPace();
        }

        assertEquals(25, run.getSent());
        assertEquals(25, mail.envelopesTo(marker).size(), "e-mails at the server");
        for (String to : recipients) {
            List<FaultySmtpFront.Envelope> envelopes = mail.envelopesTo(to);
            assertEquals(1, envelopes.size(), "e-mails with RCPT TO " + to);
            assertArrayEquals(
                    ("RCPT TO:<" + to + ">").getBytes(StandardCharsets.UTF_8),
                    envelopes.get(0).rcptTo().get(0));
        }
        List<Instant> attempted = sending.deliveries(run.getId()).stream()
                .flatMap(d -> sending.attempts(d.getId()).stream())
                .map(DeliveryAttempt::getAttemptedAt)
                .sorted()
                .toList();
        assertEquals(25, attempted.size(), "one attempt per recipient");
        assertTrue(
                Duration.between(attempted.get(0), attempted.get(24)).toMillis() > 3000,
                "the sending outlasted a lease: " + attempted.get(0) + " to " + attempted.get(24));
        assertTrue(
                leaseEnds.values().stream().anyMatch(ends -> ends.size() > 1),
                "the heartbeat renewed the lease of a delivery its claim was sending: " + leaseEnds);
        Set<Long> claims = leaseEnds.keySet().stream().map(key -> key.get(1)).collect(Collectors.toSet());
        assertTrue(
                leaseEnds.keySet().stream().map(key -> key.get(0)).distinct().count() == leaseEnds.size(),
                "no delivery was seen under two claims: " + leaseEnds.keySet());
        assertTrue(
                claims.size() >= 3, "claims sized to half a lease at the rate, not one batch of 10: " + claims.size());
    }

    @Test
    void outcomeFromAHolderWhoseDeliveryAnotherInstanceTookAfterTheLeaseEndedIsNotRecorded() {
        String owner = scenario.owner("fence");
        slowRecipients(owner, 2);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Instant now = Instant.now();
        Claim first = claims.claim(run.getId(), "first-instance", 10, now, now.minusSeconds(1));
        Claim second = claims.claim(run.getId(), "second-instance", 10, now, now.plusSeconds(60));
        assertEquals(2, second.deliveries().size(), "the deliveries whose lease ended are claimed again");
        Claimed taken = first.deliveries().get(0);

        outcomes.record("first-instance", List.of(sent(taken, now)));

        Delivery delivery = scenario.deliveryTo(run.getId(), taken.email());
        assertEquals(DeliveryState.SENDING, delivery.getState(), "the former holder's outcome changes nothing");
        assertEquals(0, sending.runs(mailing.getId()).get(0).getSent());
        outcomes.record(
                "second-instance",
                List.of(sent(
                        second.deliveries().stream()
                                .filter(d -> d.id() == taken.id())
                                .findFirst()
                                .orElseThrow(),
                        now)));
        assertEquals(
                DeliveryState.SENT,
                scenario.deliveryTo(run.getId(), taken.email()).getState(),
                "the holder's outcome is recorded");
        assertEquals(1, sending.runs(mailing.getId()).get(0).getSent());
        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));
    }

    @Test
    void renewalKeepsWhatTheHolderStillHoldsAndTellsItWhatAnotherInstanceTook() {
        String owner = scenario.owner("renew");
        slowRecipients(owner, 2);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Instant now = Instant.now();
        // the holder's lease ended, e.g. its heartbeat stalled; another instance takes one of the two
        Claim holder = claims.claim(run.getId(), "holder", 10, now, now.minusSeconds(1));
        Claim other = claims.claim(run.getId(), "other", 1, now, now.plusSeconds(60));
        Claimed lost = other.deliveries().get(0);
        Claimed kept = holder.deliveries().stream()
                .filter(d -> d.id() != lost.id())
                .findFirst()
                .orElseThrow();

        Instant until = now.plusSeconds(60);
        holder.renewed(until, claims.renew("holder", List.of(holder), until));

        assertTrue(holder.lost(holder.deliveries().stream()
                .filter(d -> d.id() == lost.id())
                .findFirst()
                .orElseThrow()));
        assertFalse(holder.lost(kept), "the holder still holds the other one");
        assertTrue(holder.leasedAt(now.plusSeconds(30)));
        assertTrue(
                claims.claim(run.getId(), "third", 10, Instant.now(), until).isEmpty(),
                "a renewed lease is not claimed again");
        assertEquals("other", scenario.deliveryTo(run.getId(), lost.email()).getClaimedBy());
        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));
    }

    @Test
    void renewalLeavesADeliveryWhoseOutcomeIsBeingWrittenAndDoesNotWaitForIt() throws Exception {
        String owner = scenario.owner("renewlocked");
        slowRecipients(owner, 2);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Instant now = Instant.now();
        Claim holder = claims.claim(run.getId(), "locked-holder", 10, now, now.plusSeconds(60));
        Claimed written = holder.deliveries().get(0);
        Claimed other = holder.deliveries().get(1);
        Instant until = now.plusSeconds(600);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement lock =
                    writer.prepareStatement("update delivery set attempts = attempts where id = ?")) {
                lock.setLong(1, written.id()); // as the engine's writer holds the row while it writes its outcome
                lock.executeUpdate();
            }

            Future<Map<Long, Long>> renewal =
                    executor.submit(() -> claims.renew("locked-holder", List.of(holder), until));
            Map<Long, Long> holders = renewal.get(10, TimeUnit.SECONDS); // before: it waited for the writer's commit

            writer.rollback();
            assertEquals(Map.of(written.id(), holder.id(), other.id(), holder.id()), holders, "both still held");
        }
        assertEquals(
                until.truncatedTo(ChronoUnit.MILLIS),
                scenario.deliveryTo(run.getId(), other.email())
                        .getNextAttemptAt()
                        .truncatedTo(ChronoUnit.MILLIS));
        assertTrue(
                scenario.deliveryTo(run.getId(), written.email())
                        .getNextAttemptAt()
                        .isBefore(until),
                "the row being written keeps its lease until the next heartbeat");
        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));
    }

    @Test
    void deliveriesAnInstanceLeftSendingAreDueAgainBeforeTheRestWhenItStartsAgainUnderItsName() {
        String owner = scenario.owner("restarted");
        slowRecipients(owner, 6);
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Instant now = Instant.now();
        // killed while holding two under a lease of five minutes; another instance holds one, three wait
        Claim killed = claims.claim(run.getId(), "restarted-8080", 2, now, now.plusSeconds(300));
        Claim living = claims.claim(run.getId(), "living-8080", 1, now, now.plusSeconds(300));

        assertEquals(2, claims.releaseLeftBy("restarted-8080"));

        Claim again = claims.claim(
                run.getId(), "restarted-8080", 2, Instant.now(), Instant.now().plusSeconds(30));
        assertEquals(
                ids(killed),
                ids(again),
                "what the instance left is claimed at once, not after its lease, and before those that wait");
        assertEquals(
                DeliveryState.SENDING,
                scenario.deliveryTo(run.getId(), living.deliveries().get(0).email())
                        .getState(),
                "another instance keeps its own");
        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));
    }

    @Test
    void aDeliveryADeadInstanceHadHandedToTheServerIsRecordedSentWithoutSendingItAgainAndOneOnlyClaimedIsSentOnce() {
        String owner = scenario.owner("handed");
        String handed = address("handed");
        String claimed = address("claimed");
        Set<Long> clients =
                Set.of(scenario.client(owner, handed, "Handed"), scenario.client(owner, claimed, "Claimed"));
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), clients, 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Instant leaseEnded = Instant.now().minusSeconds(60);
        sending.handedOverByDeadInstance(run.getId(), handed, "killed-instance", leaseEnded);
        sending.claimedByDeadInstance(run.getId(), claimed, "killed-instance", leaseEnded);

        as(accounts.byEmail(owner), () -> mailings.resume(mailing.getId()));
        MailingRun finished = scenario.finishedRun(mailing.getId());

        assertEquals(2, finished.getSent());
        assertTrue(mail.envelopesTo(handed).isEmpty(), "nothing reached the server for the handed-over delivery");
        Delivery recorded = scenario.deliveryTo(run.getId(), handed);
        assertEquals(DeliveryState.SENT, recorded.getState());
        assertEquals(1, recorded.getAttempts(), "the handover was its attempt");
        List<DeliveryAttempt> attempts = sending.attempts(recorded.getId());
        assertEquals(1, attempts.size());
        assertEquals(
                SendingEngine.handedOverReply("killed-instance"),
                attempts.get(0).getReply());
        assertEquals(1, mail.envelopesTo(claimed).size(), "the one only claimed, never handed over, is sent once");
        assertEquals(
                DeliveryState.SENT, scenario.deliveryTo(run.getId(), claimed).getState());
    }

    @Test
    void theHandoverMarkIsWrittenBeforeTheServerHasTheFinalDotAndStaysWhileItsAnswerIsAwaited() {
        String owner = scenario.owner("mark");
        String to = address("mark").replace("@", "+holddot@");
        long client = scenario.client(owner, to, "Marked");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(client), 1, Periodicity.ONCE);
        await(
                "the run of mailing " + mailing.getId(),
                () -> !sending.runs(mailing.getId()).isEmpty());
        long runId = sending.runs(mailing.getId()).get(0).getId();

        await("the final dot at the server", () -> mail.dotReceived(to));
        boolean marked = sending.handedOverUnderItsClaim(runId, to); // the server holds its answer for 2 s

        assertTrue(marked, "handed over under its claim while the server's answer is awaited");
        assertTrue(mail.to(to).isEmpty(), "the server has not accepted it yet");
        MailingRun run = scenario.finishedRun(mailing.getId());
        assertEquals(1, run.getSent());
        assertEquals(1, mail.to(to).size());
        assertEquals(0, sending.handoverMarks(runId), "the write of its outcome took its mark away");
    }

    @Test
    void anEmailWhoseHandoverCannotBeMarkedIsNotDeliveredAndWaitsWithItsAttemptsUnspent() {
        if (!sending.onPostgresql()) {
            return; // the refusal is a PostgreSQL trigger; an aborted assumption fails an in-container test
        }
        String owner = scenario.owner("nomark");
        String to = address("nomark").replace("@", "+nomark@");
        long client = scenario.client(owner, to, "Unmarked");
        sending.refuseToMarkHandoversTo("+nomark@");
        Mailing mailing;
        try {
            mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(client), 1, Periodicity.ONCE);
            await("its e-mail tried at the server", () -> !mail.envelopesTo(to).isEmpty());
            pause(2500); // tried again meanwhile

            assertTrue(mail.to(to).isEmpty(), "without the mark the e-mail got no final dot");
            long runId = sending.runs(mailing.getId()).get(0).getId();
            Delivery waiting = scenario.deliveryTo(runId, to);
            assertFalse(waiting.getState().isFinal(), waiting.getState().name());
            assertEquals(0, waiting.getAttempts(), "no attempt is spent");
            assertTrue(sending.attempts(waiting.getId()).isEmpty());
        } finally {
            sending.markEveryHandover();
        }

        MailingRun run = scenario.finishedRun(mailing.getId());
        assertEquals(1, run.getSent());
        assertEquals(1, mail.to(to).size(), "sent once the mark can be written");
        assertEquals(1, scenario.deliveryTo(run.getId(), to).getAttempts());
    }

    @Test
    void aMarkTheDatabaseStallsOverIsGivenUpAfterFiveSecondsAndTheEmailGetsNoFinalDot() {
        if (!sending.onPostgresql()) {
            return; // the stall is a PostgreSQL trigger; an aborted assumption fails an in-container test
        }
        String owner = scenario.owner("stalled");
        String to = address("stalled").replace("@", "+stalledmark@");
        long client = scenario.client(owner, to, "Stalled");
        sending.stallMarksOfHandoversTo("+stalledmark@", 30);
        Mailing mailing;
        try {
            mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(client), 1, Periodicity.ONCE);
            // each try ends when the database gives the mark up after five seconds, and the delivery is
            // tried again a second later; without that bound the first try would wait thirty seconds
            await(
                    "its e-mail tried twice at the server",
                    () -> mail.envelopesTo(to).size() >= 2);

            assertTrue(mail.to(to).isEmpty(), "an e-mail whose mark was given up got no final dot");
            long runId = sending.runs(mailing.getId()).get(0).getId();
            Delivery waiting = scenario.deliveryTo(runId, to);
            assertFalse(waiting.getState().isFinal(), waiting.getState().name());
            assertEquals(0, waiting.getAttempts(), "no attempt is spent");
        } finally {
            sending.markEveryHandover();
        }

        MailingRun run = scenario.finishedRun(mailing.getId());
        assertEquals(1, run.getSent());
        assertEquals(1, mail.to(to).size(), "sent once the database takes the mark");
    }

    @Test
    void aDeliveryAnInstanceHadHandedOverStaysMarkedWhenItStartsAgainAndIsRecordedNotSent() {
        String owner = scenario.owner("restart-handed");
        String handed = address("restart-handed");
        long client = scenario.client(owner, handed, "Handed");
        Mailing mailing = scenario.mailingIn(owner, htmlMessage(owner), Set.of(client), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        // killed under a lease of five minutes with the e-mail handed over
        sending.handedOverByDeadInstance(
                run.getId(), handed, "restarting-8080", Instant.now().plusSeconds(300));

        assertEquals(1, claims.releaseLeftBy("restarting-8080"));

        assertEquals(
                DeliveryState.SENDING, scenario.deliveryTo(run.getId(), handed).getState());
        Claim again = claims.claim(
                run.getId(), "restarting-8080", 2, Instant.now(), Instant.now().plusSeconds(30));
        assertEquals(1, again.deliveries().size(), "due at once, not after its lease");
        assertEquals("restarting-8080", again.deliveries().get(0).handedBy());
        Claim later = claims.claim(
                run.getId(),
                "other-8080",
                2,
                Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(90));
        assertEquals(
                "restarting-8080",
                later.deliveries().get(0).handedBy(),
                "the mark stays when a claim that took it ends unrecorded");
        as(accounts.byEmail(owner), () -> mailings.delete(mailing.getId()));
    }

    private static List<Long> ids(Claim claim) {
        return claim.deliveries().stream().map(Claimed::id).sorted().toList();
    }

    private static SendResult sent(Claimed delivery, Instant at) {
        return new SendResult(delivery, Verdict.sent(250, "2.0.0 Ok"), delivery.attempts() + 1, at, 5, null);
    }

    private List<String> slowRecipients(String owner, int count) {
        return slowRecipients(owner, count, "+slow@");
    }

    /** Clients whose e-mails the test SMTP server answers slowly ({@code +slow@}, {@code +slower@}: see FaultySmtpFront). */
    private List<String> slowRecipients(String owner, int count, String marker) {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String to = address("slow" + i).replace("@", marker);
            scenario.client(owner, to, "Slow " + i);
            recipients.add(to);
        }
        return recipients;
    }

    private int received(List<String> recipients) {
        return recipients.stream().mapToInt(to -> mail.to(to).size()).sum();
    }

    private static String tokenOf(String listUnsubscribe) {
        Matcher matcher = Pattern.compile("t=([A-Za-z0-9_-]+)").matcher(listUnsubscribe);
        assertTrue(matcher.find(), listUnsubscribe);
        return matcher.group(1);
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return parts.getBodyPart(i).getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
