package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rassylka.testing.server.Callers.as;
import static ru.rassylka.testing.server.TestMailings.address;
import static ru.rassylka.testing.server.TestMailings.await;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.client.ImportJob;
import ru.rassylka.client.suppression.Suppression;
import ru.rassylka.client.suppression.SuppressionReason;
import ru.rassylka.client.suppression.Suppressions;
import ru.rassylka.delivery.BounceTotals;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.DeliveryAttempt;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.RunStatistics;
import ru.rassylka.delivery.engine.Claimed;
import ru.rassylka.delivery.engine.Claims;
import ru.rassylka.delivery.engine.Outcomes;
import ru.rassylka.delivery.engine.SendResult;
import ru.rassylka.delivery.engine.Verdict;
import ru.rassylka.delivery.unsubscribe.UnsubscribeKeys;
import ru.rassylka.delivery.unsubscribe.Unsubscriptions;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.MailingService;
import ru.rassylka.mailing.Periodicity;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.FaultySmtpFront;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestClients;
import ru.rassylka.testing.server.TestMailServer;
import ru.rassylka.testing.server.TestMailings;
import ru.rassylka.testing.server.TestSending;
import ru.rassylka.testing.server.TestSuppressions;

/**
 * Return paths on Payara with PostgreSQL and the test SMTP server, whose envelopes are kept as
 * received; the test server runs with BOUNCE_DOMAIN=bounces.rassylka.example.org (pom.xml).
 */
@ArquillianTest
class BouncesIT {

    private static final String BOUNCE_DOMAIN = "bounces.rassylka.example.org";
    private static final Pattern MAIL_FROM =
            Pattern.compile("MAIL FROM:<bounces\\+([0-9a-f-]+)@" + Pattern.quote(BOUNCE_DOMAIN) + ">.*");

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Inject
    private TestMailings scenario;

    @EJB
    private TestAccounts accounts;

    @EJB
    private TestSending sending;

    @EJB
    private TestMailServer mail;

    @EJB
    private ReturnPaths returnPaths;

    @EJB
    private Bounces bounces;

    @EJB
    private RunStatistics statistics;

    @EJB
    private TestSuppressions suppressions;

    @EJB
    private TestClients clients;

    @EJB
    private Unsubscriptions unsubscriptions;

    @EJB
    private UnsubscribeKeys unsubscribeKeys;

    @EJB
    private Claims claims;

    @EJB
    private Outcomes outcomes;

    @EJB
    private MailingService mailings;

    private String envelopeToken(String recipient) {
        List<FaultySmtpFront.Envelope> envelopes = mail.envelopesTo(recipient);
        assertEquals(1, envelopes.size(), "one transaction for " + recipient);
        String mailFrom = new String(envelopes.get(0).mailFrom(), StandardCharsets.UTF_8);
        Matcher matcher = MAIL_FROM.matcher(mailFrom);
        assertTrue(matcher.matches(), "the envelope sender is the delivery's return path: " + mailFrom);
        return matcher.group(1);
    }

    @Test
    void theEnvelopeSenderOfEachEmailIsItsDeliverysReturnPathWhichMapsBackToTheOwnerAndDelivery() throws Exception {
        String owner = scenario.owner("verp");
        String anna = address("anna");
        String boris = address("boris");
        long annaId = scenario.client(owner, anna, "Анна");
        long borisId = scenario.client(owner, boris, "Борис");
        MailingRun run = scenario.sentRun(owner, Set.of(annaId, borisId));
        User ownerAccount = accounts.byEmail(owner);

        for (String recipient : List.of(anna, boris)) {
            Delivery delivery = scenario.deliveryTo(run.getId(), recipient);
            String token = envelopeToken(recipient);
            Optional<BouncedDelivery> found = returnPaths.find(token);
            assertEquals(
                    Optional.of(new BouncedDelivery(
                            delivery.getId(), ownerAccount.getId(), run.getId(), delivery.getClientId(), recipient)),
                    found,
                    "the token of " + recipient);
        }
        assertTrue(mail.awaitMail(anna, 1).getHeader("From")[0].contains("@"), "the From header is still the sender");
    }

    @Test
    void aForgedOrAlteredTokenMapsToNothing() {
        String owner = scenario.owner("forged");
        String anna = address("anna");
        long annaId = scenario.client(owner, anna, "Анна");
        MailingRun run = scenario.sentRun(owner, Set.of(annaId));
        String token = envelopeToken(anna);
        long deliveryId = scenario.deliveryTo(run.getId(), anna).getId();
        String signature = token.substring(token.indexOf('-'));

        assertEquals(
                Optional.empty(),
                returnPaths.find((deliveryId + 1) + signature),
                "another delivery's id with this signature");
        assertEquals(Optional.empty(), returnPaths.find(deliveryId + "-0000000000000000"), "a made-up signature");
        assertEquals(Optional.empty(), returnPaths.find("bounces"), "not a token");
    }

    private static BounceReport report(
            BounceClass kind, String recipient, String status, String diagnostic, String token) {
        return new BounceReport(kind, recipient, status, diagnostic, token, null, "test");
    }

    @Test
    void
            aHardBounceFailsItsDeliverySuppressesTheAddressAndLaterRunsSkipItAlsoAfterTheClientIsDeletedAndImportedAgain() {
        String owner = scenario.owner("hard");
        String anna = address("anna");
        String boris = address("boris");
        long annaId = scenario.client(owner, anna, "Анна");
        long borisId = scenario.client(owner, boris, "Борис");
        MailingRun first = scenario.sentRun(owner, Set.of(annaId, borisId));
        String token = envelopeToken(anna);

        assertEquals(
                BounceOutcome.RECORDED,
                bounces.record(report(
                        BounceClass.HARD,
                        anna,
                        "5.1.1",
                        "smtp; 550 5.1.1 <" + anna + ">: Recipient address rejected: User unknown",
                        token)));

        Delivery bounced = scenario.deliveryTo(first.getId(), anna);
        assertEquals(DeliveryState.FAILED, bounced.getState(), "a bounced e-mail did not reach its recipient");
        assertEquals("HARD_BOUNCE", String.valueOf(bounced.getReason()));
        MailingRun after = sending.runs(first.getMailingId()).get(0);
        assertEquals(1, after.getSent());
        assertEquals(1, after.getFailed());
        List<DeliveryAttempt> attempts = sending.attempts(bounced.getId());
        DeliveryAttempt report = attempts.get(attempts.size() - 1);
        assertEquals(DeliveryState.FAILED, report.getOutcome());
        assertEquals(550, report.getSmtpCode());
        assertTrue(
                report.getReply().contains("5.1.1") && report.getReply().contains("User unknown"), report.getReply());
        Suppression entry = suppressions.entry(owner, anna).orElseThrow();
        assertEquals(SuppressionReason.HARD_BOUNCE, entry.getReason());
        assertEquals(bounced.getId(), entry.getDeliveryId(), "the delivery that caused it");
        assertEquals("5.1.1", entry.getStatusCode());
        assertEquals(
                BounceOutcome.ALREADY_RECORDED,
                bounces.record(report(BounceClass.HARD, anna, "5.1.1", "again", token)),
                "a report read twice counts once");

        User owning = accounts.byEmail(owner);
        assertEquals(new BounceTotals(1, 0, 0), as(owning, () -> statistics.runBounces(first.getId())));
        assertEquals(new BounceTotals(1, 0, 0), as(owning, () -> statistics.mailingBounces(first.getMailingId())));
        assertEquals(
                List.of(anna),
                as(owning, () -> statistics.notReceivedAfter(first.getId(), 0, 10)).stream()
                        .map(Delivery::getEmail)
                        .toList(),
                "who did not receive it includes the bounced address");
        assertEquals(
                new BounceTotals(0, 0, 0),
                as(
                        accounts.create("nosy-" + System.nanoTime() + "@example.org", "bounces password", true),
                        () -> statistics.runBounces(first.getId())),
                "another user counts nothing of this run");

        User ownerAccount = accounts.byEmail(owner);
        clients.delete(ownerAccount, annaId);
        clients.importCsv(
                ownerAccount, "email,full_name,comment\n" + anna.toUpperCase(java.util.Locale.ROOT) + ",Анна снова,\n");
        long again = clients.page(ownerAccount, anna, "email", true, 0, 10).stream()
                .map(Client::getId)
                .findFirst()
                .orElseThrow();
        MailingRun second = scenario.sentRun(owner, Set.of(again, borisId));
        Delivery skipped = scenario.deliveryTo(second.getId(), anna);
        assertEquals(DeliveryState.SKIPPED, skipped.getState());
        assertEquals("HARD_BOUNCE", String.valueOf(skipped.getReason()), "the reason the statistics show");
        assertEquals(
                DeliveryState.SENT, scenario.deliveryTo(second.getId(), boris).getState());
        assertEquals(1, mail.envelopesTo(anna).size(), "nothing more went to the bounced address");
    }

    @Test
    void aForgedTokenAnAutoReplyOrAReportNamingAnotherOwnersClientChangesNoOtherList() {
        String owner = scenario.owner("first");
        String other = scenario.owner("second");
        String anna = address("anna");
        String victim = address("victim");
        long annaId = scenario.client(owner, anna, "Анна");
        scenario.client(other, victim, "Жертва");
        MailingRun run = scenario.sentRun(owner, Set.of(annaId));
        String token = envelopeToken(anna);
        long deliveryId = scenario.deliveryTo(run.getId(), anna).getId();

        assertEquals(
                BounceOutcome.NO_DELIVERY,
                bounces.record(report(BounceClass.HARD, anna, "5.1.1", "unknown", deliveryId + "-0123456789abcdef")));
        assertEquals(BounceOutcome.NO_DELIVERY, bounces.record(report(BounceClass.COMPLAINT, anna, null, null, null)));
        assertEquals(
                BounceOutcome.IGNORED,
                bounces.record(report(BounceClass.AUTO_REPLY, anna, null, "I am on holiday", token)));
        assertEquals(BounceOutcome.IGNORED, bounces.record(report(BounceClass.NOT_A_REPORT, anna, null, null, token)));
        assertEquals(List.of(), suppressions.of(owner));
        assertEquals(DeliveryState.SENT, scenario.deliveryTo(run.getId(), anna).getState());
        assertEquals(List.of(), suppressions.bounceKinds(deliveryId));

        assertEquals(
                BounceOutcome.RECORDED, bounces.record(report(BounceClass.HARD, victim, "5.1.1", "unknown", token)));
        assertEquals(List.of(), suppressions.of(other), "the other owner's list is untouched");
        assertEquals(
                List.of(anna),
                suppressions.of(owner).stream().map(Suppression::getAddress).toList(),
                "the address suppressed is the one the delivery went to");
    }

    @Test
    void aComplaintSuppressesTheAddressAndKeepsItsDeliverySent() {
        String owner = scenario.owner("complaint");
        String anna = address("anna");
        long annaId = scenario.client(owner, anna, "Анна");
        MailingRun run = scenario.sentRun(owner, Set.of(annaId));

        assertEquals(
                BounceOutcome.RECORDED,
                bounces.record(report(BounceClass.COMPLAINT, anna, null, "abuse", envelopeToken(anna))));

        Delivery delivery = scenario.deliveryTo(run.getId(), anna);
        assertEquals(DeliveryState.SENT, delivery.getState(), "a complaint means it arrived");
        assertEquals(List.of("COMPLAINT"), suppressions.bounceKinds(delivery.getId()));
        assertEquals(
                SuppressionReason.COMPLAINT,
                suppressions.entry(owner, anna).orElseThrow().getReason());
    }

    @Test
    void threeSoftBouncesWithinThirtyDaysSuppressTheAddressAndTwoDoNot() {
        String owner = scenario.owner("soft");
        String anna = address("anna");
        long annaId = scenario.client(owner, anna, "Анна");
        for (int bounce = 1; bounce <= 3; bounce++) {
            MailingRun run = scenario.sentRun(owner, Set.of(annaId));
            String token = mail.envelopesTo(anna).stream()
                    .map(envelope -> new String(envelope.mailFrom(), StandardCharsets.UTF_8))
                    .map(MAIL_FROM::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .filter(candidate -> returnPaths
                                    .find(candidate)
                                    .map(BouncedDelivery::runId)
                                    .orElse(-1L)
                            == run.getId())
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    BounceOutcome.RECORDED,
                    bounces.record(report(BounceClass.SOFT, anna, "4.2.2", "smtp; 452 4.2.2 Mailbox full", token)));
            assertEquals(
                    DeliveryState.FAILED, scenario.deliveryTo(run.getId(), anna).getState());
            assertEquals(
                    "SOFT_BOUNCE",
                    String.valueOf(scenario.deliveryTo(run.getId(), anna).getReason()));
            if (bounce < 3) {
                assertEquals(Optional.empty(), suppressions.entry(owner, anna), "after " + bounce + " soft bounces");
            }
        }
        assertEquals(
                SuppressionReason.SOFT_BOUNCES,
                suppressions.entry(owner, anna).orElseThrow().getReason());
    }

    @Test
    void aRecipientTheServerRefusesAsUnknownIsSuppressedAsAHardBounce() {
        String owner = scenario.owner("refused");
        String refused = "gone-" + System.nanoTime() + "+reject5xx@example.net";
        long refusedId = scenario.client(owner, refused, "Анна");
        MailingRun run = scenario.sentRun(owner, Set.of(refusedId));
        Delivery delivery = scenario.deliveryTo(run.getId(), refused);
        assertEquals(DeliveryState.FAILED, delivery.getState());

        await(
                "the refused address on the list",
                () -> suppressions.entry(owner, refused).isPresent());
        Suppression entry = suppressions.entry(owner, refused).orElseThrow();
        assertEquals(SuppressionReason.HARD_BOUNCE, entry.getReason());
        assertEquals("550", entry.getStatusCode());
        assertTrue(entry.getDiagnostic().contains("5.1.1"), entry.getDiagnostic());
        assertEquals(List.of("HARD"), suppressions.bounceKinds(delivery.getId()));
    }

    @Test
    void anUnsubscribedAddressStaysSkippedAfterTheClientIsDeletedAndImportedAgain() {
        String owner = scenario.owner("unsubscribe");
        String anna = address("anna");
        long annaId = scenario.client(owner, anna, "Анна");
        MailingRun run = scenario.sentRun(owner, Set.of(annaId));
        long deliveryId = scenario.deliveryTo(run.getId(), anna).getId();

        assertEquals(
                Optional.of(anna),
                unsubscriptions.unsubscribe(unsubscribeKeys.tokens().tokenFor(deliveryId)));
        assertEquals(
                SuppressionReason.UNSUBSCRIBED,
                suppressions.entry(owner, anna).orElseThrow().getReason());

        User ownerAccount = accounts.byEmail(owner);
        clients.delete(ownerAccount, annaId);
        clients.importCsv(ownerAccount, "email,full_name,comment\n" + anna + ",Анна,\n");
        long again = clients.page(ownerAccount, anna, "email", true, 0, 10).stream()
                .map(Client::getId)
                .findFirst()
                .orElseThrow();
        MailingRun second = scenario.sentRun(owner, Set.of(again));
        assertEquals(
                "UNSUBSCRIBED",
                String.valueOf(scenario.deliveryTo(second.getId(), anna).getReason()));
        assertFalse(scenario.deliveryTo(second.getId(), anna).getState() == DeliveryState.SENT);
    }

    @EJB
    private Suppressions ownList;

    @Test
    void theOwnerAddsSearchesExportsAndRemovesEntriesAComplaintOnlyWhenConfirmedAndAnImportCountsSuppressedRows()
            throws Exception {
        String owner = scenario.owner("list");
        User account = accounts.byEmail(owner);
        String complained = address("complained");
        long clientId = scenario.client(owner, complained, "Жалобщик");
        MailingRun run = scenario.sentRun(owner, Set.of(clientId));
        bounces.record(report(BounceClass.COMPLAINT, complained, null, "abuse report", envelopeToken(complained)));
        String byHand = "Ivan-" + System.nanoTime() + "@Почта.РФ";

        Suppression added = as(account, () -> ownList.add(byHand));
        assertEquals(SuppressionReason.MANUAL, added.getReason());
        assertTrue(
                added.getAddress().endsWith("@xn--80a1acny.xn--p1ai"),
                "kept with the domain in its ASCII form: " + added.getAddress());
        BusinessException twice = assertThrows(
                BusinessException.class,
                () -> as(account, () -> ownList.add(byHand.toLowerCase(java.util.Locale.ROOT))));
        assertEquals("suppressions.alreadyListed", twice.getMessageKey());
        assertEquals(
                "suppressions.invalidAddress",
                assertThrows(BusinessException.class, () -> as(account, () -> ownList.add("not an address")))
                        .getMessageKey());
        assertEquals(2L, as(account, () -> ownList.count(null)));
        assertEquals(
                List.of(added.getId()),
                as(account, () -> ownList.page("почта", null, true, 0, 10)).stream()
                        .map(Suppression::getId)
                        .toList(),
                "found by the domain as typed");
        assertEquals(0L, as(account, () -> ownList.count("nobody-here")));

        String local = byHand.substring(0, byHand.indexOf('@')).toLowerCase(java.util.Locale.ROOT);
        ImportJob job = clients.importCsv(
                account,
                "email,full_name,comment\n" + local + "@xn--80a1acny.xn--p1ai,Иван,\n" + address("new") + ",Новый,\n");
        assertEquals(2, job.getImported());
        assertEquals(1, job.getSuppressed(), "the import says how many rows are suppressed");

        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        as(account, () -> {
            try {
                ownList.export(csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String exported = csv.toString(StandardCharsets.UTF_8);
        assertTrue(exported.contains(complained + ",COMPLAINT,"), exported);
        assertTrue(exported.contains(",MANUAL,"), exported);
        assertTrue(
                exported.contains("," + run.getId() + ","
                        + scenario.deliveryTo(run.getId(), complained).getId() + ","),
                "the delivery that caused it: " + exported);

        Suppression complaint = suppressions.entry(owner, complained).orElseThrow();
        String otherOwner = scenario.owner("stranger");
        assertEquals(
                "suppressions.notFound",
                assertThrows(
                                BusinessException.class,
                                () -> as(accounts.byEmail(otherOwner), () -> ownList.remove(complaint.getId(), true)))
                        .getMessageKey(),
                "another owner's entry");
        assertEquals(
                "suppressions.complaintNeedsConfirmation",
                assertThrows(BusinessException.class, () -> as(account, () -> ownList.remove(complaint.getId(), false)))
                        .getMessageKey());
        assertTrue(suppressions.entry(owner, complained).isPresent());
        as(account, () -> ownList.remove(complaint.getId(), true));
        as(account, () -> ownList.remove(added.getId(), false));
        assertEquals(List.of(), suppressions.of(owner));
    }

    @Test
    void aHardBounceSkipsWhatStillWaitsForTheAddressInTheOwnersOpenRuns() {
        String owner = scenario.owner("waiting");
        String anna = address("anna");
        String boris = address("boris");
        long annaId = scenario.client(owner, anna, "Анна");
        long borisId = scenario.client(owner, boris, "Борис");
        MailingRun sent = scenario.sentRun(owner, Set.of(annaId));
        String token = envelopeToken(anna);
        Mailing other =
                scenario.mailingIn(owner, scenario.message(owner), Set.of(annaId, borisId), 86_400, Periodicity.ONCE);
        MailingRun waiting = sending.waitingRun(owner, other.getId());
        assertEquals(
                DeliveryState.PENDING,
                scenario.deliveryTo(waiting.getId(), anna).getState());

        assertEquals(
                BounceOutcome.RECORDED, bounces.record(report(BounceClass.HARD, anna, "5.1.1", "User unknown", token)));

        Delivery skipped = scenario.deliveryTo(waiting.getId(), anna);
        assertEquals(DeliveryState.SKIPPED, skipped.getState());
        assertEquals("HARD_BOUNCE", String.valueOf(skipped.getReason()));
        assertEquals(
                DeliveryState.PENDING,
                scenario.deliveryTo(waiting.getId(), boris).getState(),
                "the others still wait");
        assertEquals(1, sending.runs(other.getId()).get(0).getSkipped());
        assertEquals(
                DeliveryState.FAILED, scenario.deliveryTo(sent.getId(), anna).getState());
    }

    @Test
    void aHardBounceSkipsTheAddressesDeliveryWhoseLeaseEndedAndNothingIsSentToItAfterwards() {
        String owner = scenario.owner("lease-ended");
        String anna = address("anna");
        long annaId = scenario.client(owner, anna, "Анна");
        scenario.sentRun(owner, Set.of(annaId));
        String token = envelopeToken(anna);
        Mailing other = scenario.mailingIn(owner, scenario.message(owner), Set.of(annaId), 86_400, Periodicity.ONCE);
        MailingRun waiting = sending.waitingRun(owner, other.getId());
        Instant now = Instant.now();
        // the instance that claimed it died or stalled: its lease ended, so any instance may claim it again
        List<Claimed> held = claims.claim(waiting.getId(), "stalled-instance", 10, now, now.minusSeconds(1))
                .deliveries();
        assertEquals(1, held.size());
        assertEquals(
                DeliveryState.SENDING,
                scenario.deliveryTo(waiting.getId(), anna).getState());

        assertEquals(
                BounceOutcome.RECORDED, bounces.record(report(BounceClass.HARD, anna, "5.1.1", "User unknown", token)));

        Delivery skipped = scenario.deliveryTo(waiting.getId(), anna);
        assertEquals(DeliveryState.SKIPPED, skipped.getState(), "no live instance held it");
        assertEquals("HARD_BOUNCE", String.valueOf(skipped.getReason()));
        assertEquals(1, sending.runs(other.getId()).get(0).getSkipped());

        outcomes.record("stalled-instance", List.of(sent(held.get(0), now)));
        assertEquals(
                DeliveryState.SKIPPED,
                scenario.deliveryTo(waiting.getId(), anna).getState(),
                "a late outcome of its former holder changes nothing");

        as(accounts.byEmail(owner), () -> mailings.resume(other.getId()));
        MailingRun finished = scenario.finishedRun(other.getId());
        assertEquals(0, finished.getSent());
        assertEquals(1, finished.getSkipped());
        assertEquals(1, mail.envelopesTo(anna).size(), "only the first run's e-mail reached the address");
    }

    @Test
    void aHardBounceLeavesTheAddressesDeliveryBeingSentUnderALiveLeaseToItsHolder() {
        String owner = scenario.owner("lease-live");
        String anna = address("anna");
        long annaId = scenario.client(owner, anna, "Анна");
        scenario.sentRun(owner, Set.of(annaId));
        String token = envelopeToken(anna);
        Mailing other = scenario.mailingIn(owner, scenario.message(owner), Set.of(annaId), 86_400, Periodicity.ONCE);
        MailingRun waiting = sending.waitingRun(owner, other.getId());
        Instant now = Instant.now();
        List<Claimed> held = claims.claim(waiting.getId(), "busy-instance", 10, now, now.plusSeconds(300))
                .deliveries();
        assertEquals(1, held.size());

        assertEquals(
                BounceOutcome.RECORDED, bounces.record(report(BounceClass.HARD, anna, "5.1.1", "User unknown", token)));

        assertEquals(
                DeliveryState.SENDING,
                scenario.deliveryTo(waiting.getId(), anna).getState(),
                "its holder may be in the middle of the SMTP conversation");
        outcomes.record("busy-instance", List.of(sent(held.get(0), now)));
        assertEquals(
                DeliveryState.SENT, scenario.deliveryTo(waiting.getId(), anna).getState());
        MailingRun counted = sending.runs(other.getId()).get(0);
        assertEquals(1, counted.getSent(), "the holder's outcome is counted");
        assertEquals(0, counted.getSkipped());
    }

    private static SendResult sent(Claimed delivery, Instant at) {
        return new SendResult(delivery, Verdict.sent(250, "2.0.0 Ok"), delivery.attempts() + 1, at, 5, null);
    }
}
