package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rassylka.testing.server.TestMailings.address;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.client.suppression.Suppression;
import ru.rassylka.client.suppression.SuppressionReason;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.DeliveryAttempt;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.FaultySmtpFront;
import ru.rassylka.testing.server.TestMailServer;
import ru.rassylka.testing.server.TestMailings;
import ru.rassylka.testing.server.TestSending;
import ru.rassylka.testing.server.TestSuppressions;

/**
 * Real reports (src/test/resources/bounces: DSNs written by Postfix 3.7, and Exim, qmail, Office 365,
 * ARF and auto-reply samples from sisimai's set-of-emails) coming back for a real run, on Payara with
 * PostgreSQL and the test SMTP server. Each report keeps its bytes; only the address it came back
 * to is made the return path the test SMTP server received for one delivery of the run (the VERP
 * address in Postfix's own reports, or a {@code Delivered-To} line on top as the bounce mailbox
 * adds it where a sample has none). It is then read by {@link BounceReader} and recorded by
 * {@link Bounces}, as the bounce mailbox does with each message.
 */
@ArquillianTest
class RealReportsIT {

    private static final Pattern RETURN_PATH = Pattern.compile("(?i)bounces\\+[^@\\s<>\"]+@[a-z0-9.-]+");
    private static final String POSTFIX_USER_UNKNOWN = "postfix/relay-550-5.1.1-user-unknown.eml";
    private static final String POSTFIX_MAILBOX_FULL = "postfix/relay-552-5.2.2-mailbox-full.eml";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Inject
    private TestMailings scenario;

    @EJB
    private TestSending sending;

    @EJB
    private TestMailServer mail;

    @EJB
    private TestSuppressions suppressions;

    @EJB
    private ReturnPaths returnPaths;

    @EJB
    private Bounces bounces;

    private final BounceReader reader = new BounceReader();

    // ---- a real run

    /** A finished run of one owner to some clients, and the delivery of each client's address. */
    private record SentRun(String owner, MailingRun run, Map<String, Delivery> deliveries) {

        Delivery to(String address) {
            return deliveries.get(address);
        }
    }

    /** A once-only mailing of a new owner to a client for each name, sent a second from now, and its finished run. */
    private SentRun sentRun(String prefix, String... names) {
        String owner = scenario.owner(prefix);
        Map<String, Long> clients = new LinkedHashMap<>();
        for (String name : names) {
            String email = address(name);
            clients.put(email, scenario.client(owner, email, name));
        }
        MailingRun run = scenario.sentRun(owner, new HashSet<>(clients.values()));
        Map<String, Delivery> deliveries = new LinkedHashMap<>();
        for (String email : clients.keySet()) {
            Delivery delivery = scenario.deliveryTo(run.getId(), email);
            assertEquals(DeliveryState.SENT, delivery.getState(), "the run sent the e-mail to " + email);
            deliveries.put(email, delivery);
        }
        return new SentRun(owner, run, deliveries);
    }

    private Delivery now(Delivery delivery) {
        return scenario.deliveryTo(delivery.getRunId(), delivery.getEmail());
    }

    /** The envelope sender the test SMTP server received for the address: the delivery's return path. */
    private String returnPathReceived(Delivery delivery) {
        List<FaultySmtpFront.Envelope> envelopes = mail.envelopesTo(delivery.getEmail());
        assertEquals(1, envelopes.size(), "one transaction for " + delivery.getEmail());
        String mailFrom = new String(envelopes.get(0).mailFrom(), StandardCharsets.UTF_8);
        String received = mailFrom.substring(mailFrom.indexOf('<') + 1, mailFrom.indexOf('>'));
        assertEquals(
                returnPaths.addressFor(delivery.getId()).orElseThrow(),
                received,
                "the envelope sender is the delivery's return path");
        return received;
    }

    private static String tokenOf(String returnPath) {
        return returnPath.substring(returnPath.indexOf('+') + 1, returnPath.indexOf('@'));
    }

    // ---- the real reports

    /** The fixture's bytes, unchanged. */
    private static String fixture(String name) {
        try (InputStream in = RealReportsIT.class.getResourceAsStream("/bounces/" + name)) {
            assertTrue(in != null, "the fixture bounces/" + name + " is deployed");
            // ISO-8859-1 keeps every byte as it is, whatever the report's charsets
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixture as it comes back to the return path: every VERP address in it (Postfix's own
     * reports carry the one they were made with) becomes this one; a sample without any gets the
     * {@code Delivered-To} line the bounce mailbox's server adds on top.
     */
    private static String cameBackTo(String report, String returnPath) {
        if (RETURN_PATH.matcher(report).find()) {
            return RETURN_PATH.matcher(report).replaceAll(Matcher.quoteReplacement(returnPath));
        }
        String lineEnd = report.contains("\r\n") ? "\r\n" : "\n";
        return "Delivered-To: " + returnPath + lineEnd + report;
    }

    private BounceReport read(String report) throws Exception {
        return reader.read(report.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads the fixture come back to the delivery's return path, checks it is read with its token, class and status code. */
    private BounceReport readFor(String fixture, Delivery delivery, BounceClass kind, String statusCode)
            throws Exception {
        String returnPath = returnPathReceived(delivery);
        BounceReport report = read(cameBackTo(fixture(fixture), returnPath));
        assertEquals(kind, report.kind(), fixture + ": class");
        assertEquals(statusCode, report.statusCode(), fixture + ": status code");
        assertEquals(tokenOf(returnPath), report.returnPathToken(), fixture + ": the token is the return path's");
        return report;
    }

    private DeliveryAttempt lastAttempt(Delivery delivery) {
        List<DeliveryAttempt> attempts = sending.attempts(delivery.getId());
        return attempts.get(attempts.size() - 1);
    }

    /** A bounce failed the delivery with the reason, put an attempt with the report's status code on it, and was counted once. */
    private void assertBounced(Delivery delivery, String reason, String statusCode, Integer smtpCode, String kind) {
        Delivery bounced = now(delivery);
        assertEquals(DeliveryState.FAILED, bounced.getState(), "a bounced e-mail did not reach " + delivery.getEmail());
        assertEquals(reason, String.valueOf(bounced.getReason()));
        DeliveryAttempt attempt = lastAttempt(delivery);
        assertEquals(DeliveryState.FAILED, attempt.getOutcome());
        assertEquals(smtpCode, attempt.getSmtpCode(), "the reply code of the report's diagnostic");
        assertTrue(attempt.getReply().startsWith("Bounce (" + kind + ") " + statusCode), attempt.getReply());
        assertEquals(List.of(kind.toUpperCase(java.util.Locale.ROOT)), suppressions.bounceKinds(delivery.getId()));
    }

    private void assertUntouched(Delivery delivery, int attemptsBefore) {
        assertEquals(DeliveryState.SENT, now(delivery).getState(), delivery.getEmail() + " is still sent");
        assertEquals(
                attemptsBefore,
                sending.attempts(delivery.getId()).size(),
                "no attempt added for " + delivery.getEmail());
        assertEquals(
                List.of(), suppressions.bounceKinds(delivery.getId()), "no bounce recorded for " + delivery.getEmail());
    }

    private void assertHardBounceSuppressed(SentRun sent, Delivery delivery, String statusCode) {
        Suppression entry =
                suppressions.entry(sent.owner(), delivery.getEmail()).orElseThrow();
        assertEquals(SuppressionReason.HARD_BOUNCE, entry.getReason());
        assertEquals(delivery.getId(), entry.getDeliveryId(), "the delivery that caused it");
        assertEquals(statusCode, entry.getStatusCode());
    }

    // ---- the tests

    @Test
    void aPostfixReportOfAnUnknownUserFailsItsDeliveryAndSuppressesTheDeliverysAddressAsAHardBounce() throws Exception {
        SentRun sent = sentRun("postfix-hard", "anna", "boris");
        Delivery anna = sent.deliveries().values().stream().toList().get(0);
        Delivery boris = sent.deliveries().values().stream().toList().get(1);

        BounceReport report = readFor(POSTFIX_USER_UNKNOWN, anna, BounceClass.HARD, "5.1.1");
        assertEquals("DSN fields", report.source());
        assertEquals(
                "user@relay-hard.rassylka.test", report.recipient(), "the report names the address Postfix was given");

        assertEquals(BounceOutcome.RECORDED, bounces.record(report));

        assertBounced(anna, "HARD_BOUNCE", "5.1.1", 550, "hard");
        assertTrue(
                lastAttempt(anna).getReply().contains("User unknown in virtual mailbox table"),
                lastAttempt(anna).getReply());
        assertHardBounceSuppressed(sent, anna, "5.1.1");
        assertEquals(
                List.of(anna.getEmail()),
                suppressions.of(sent.owner()).stream()
                        .map(Suppression::getAddress)
                        .toList(),
                "the address suppressed is the delivery's, whatever the report names");
        MailingRun run = sending.runs(sent.run().getMailingId()).get(0);
        assertEquals(1, run.getSent());
        assertEquals(1, run.getFailed());
        assertUntouched(boris, sending.attempts(boris.getId()).size());
        assertEquals(BounceOutcome.ALREADY_RECORDED, bounces.record(report), "the same report read again counts once");
    }

    @Test
    void aPostfixReportOfAFullMailboxIsASoftBounceThatFailsItsDeliveryAndDoesNotSuppressTheAddress() throws Exception {
        SentRun sent = sentRun("postfix-soft", "anna");
        Delivery anna = sent.deliveries().values().iterator().next();

        BounceReport report = readFor(POSTFIX_MAILBOX_FULL, anna, BounceClass.SOFT, "5.2.2");

        assertEquals(BounceOutcome.RECORDED, bounces.record(report));

        assertBounced(anna, "SOFT_BOUNCE", "5.2.2", 552, "soft");
        assertTrue(
                lastAttempt(anna).getReply().contains("Mailbox full"),
                lastAttempt(anna).getReply());
        assertEquals(
                Optional.empty(),
                suppressions.entry(sent.owner(), anna.getEmail()),
                "one soft bounce suppresses nobody");
        assertEquals(List.of(), suppressions.of(sent.owner()));
    }

    @Test
    void eximQmailAndOffice365ReportsOfUnknownUsersEachFailTheirOwnDeliveryAndSuppressItsAddress() throws Exception {
        SentRun sent = sentRun("mta-samples", "exim", "qmail", "office");
        List<Delivery> deliveries = sent.deliveries().values().stream().toList();
        record Sample(String fixture, Delivery delivery, String statusCode) {}
        List<Sample> samples = List.of(
                new Sample("real-world/email-exim-02.eml", deliveries.get(0), "5.1.1"),
                new Sample("real-world/email-qmail-01.eml", deliveries.get(1), "5.5.0"),
                new Sample("real-world/us-office365-01.eml", deliveries.get(2), "5.1.10"));

        for (Sample sample : samples) {
            BounceReport report = readFor(sample.fixture(), sample.delivery(), BounceClass.HARD, sample.statusCode());
            assertTrue(
                    report.source().contains("text"), sample.fixture() + " is read from its text: " + report.source());
            assertEquals(BounceOutcome.RECORDED, bounces.record(report), sample.fixture());
        }

        for (Sample sample : samples) {
            assertBounced(sample.delivery(), "HARD_BOUNCE", sample.statusCode(), null, "hard");
            assertHardBounceSuppressed(sent, sample.delivery(), sample.statusCode());
        }
        assertEquals(3, suppressions.of(sent.owner()).size());
        MailingRun run = sending.runs(sent.run().getMailingId()).get(0);
        assertEquals(0, run.getSent());
        assertEquals(3, run.getFailed());
    }

    @Test
    void anArfComplaintSuppressesTheAddressAsAComplaintAndKeepsItsDeliverySent() throws Exception {
        SentRun sent = sentRun("arf", "anna");
        Delivery anna = sent.deliveries().values().iterator().next();

        BounceReport report = readFor("real-world/arf-05.eml", anna, BounceClass.COMPLAINT, null);
        assertEquals("ARF", report.source());
        assertEquals("Feedback-Type: abuse", report.diagnostic());

        assertEquals(BounceOutcome.RECORDED, bounces.record(report));

        assertEquals(DeliveryState.SENT, now(anna).getState(), "a complaint means the e-mail arrived");
        DeliveryAttempt attempt = lastAttempt(anna);
        assertEquals(DeliveryState.SENT, attempt.getOutcome());
        assertEquals("Complaint: Feedback-Type: abuse", attempt.getReply());
        assertEquals(List.of("COMPLAINT"), suppressions.bounceKinds(anna.getId()));
        Suppression entry = suppressions.entry(sent.owner(), anna.getEmail()).orElseThrow();
        assertEquals(SuppressionReason.COMPLAINT, entry.getReason());
        assertEquals(anna.getId(), entry.getDeliveryId());
    }

    @Test
    void anAutoReplyMapsToItsDeliveryButChangesNothing() throws Exception {
        SentRun sent = sentRun("auto-reply", "anna");
        Delivery anna = sent.deliveries().values().iterator().next();
        int attempts = sending.attempts(anna.getId()).size();

        BounceReport report = readFor("real-world/rfc3834-01.eml", anna, BounceClass.AUTO_REPLY, null);
        assertEquals(
                Optional.of(anna.getId()),
                returnPaths.find(report.returnPathToken()).map(BouncedDelivery::deliveryId),
                "the auto-reply names the delivery it answers");

        assertEquals(BounceOutcome.IGNORED, bounces.record(report));

        assertUntouched(anna, attempts);
        assertEquals(List.of(), suppressions.of(sent.owner()), "an auto-reply suppresses nobody");
    }

    @Test
    void thePostfixReportWithOneDigitOfItsTokenChangedChangesNothingAtAll() throws Exception {
        SentRun sent = sentRun("forged", "anna");
        Delivery anna = sent.deliveries().values().iterator().next();
        int attempts = sending.attempts(anna.getId()).size();
        String returnPath = returnPathReceived(anna);
        int last = returnPath.indexOf('@') - 1;
        char digit = returnPath.charAt(last);
        String forged = returnPath.substring(0, last) + (digit == '0' ? '1' : '0') + returnPath.substring(last + 1);
        assertNotEquals(returnPath, forged);

        BounceReport report = read(cameBackTo(fixture(POSTFIX_USER_UNKNOWN), forged));
        assertEquals(BounceClass.HARD, report.kind());
        assertEquals(tokenOf(forged), report.returnPathToken());
        assertEquals(Optional.empty(), returnPaths.find(report.returnPathToken()), "a forged token names no delivery");

        assertEquals(BounceOutcome.NO_DELIVERY, bounces.record(report));

        assertUntouched(anna, attempts);
        assertEquals(List.of(), suppressions.of(sent.owner()));
        assertEquals(
                sent.run().getSent(),
                sending.runs(sent.run().getMailingId()).get(0).getSent());
    }

    @Test
    void thePostfixReportWithAnotherOwnersTokenThatNamesThisOwnersClientChangesNothingForThisOwner() throws Exception {
        SentRun first = sentRun("first", "anna");
        SentRun other = sentRun("other", "victor");
        Delivery anna = first.deliveries().values().iterator().next();
        Delivery victor = other.deliveries().values().iterator().next();
        int attempts = sending.attempts(anna.getId()).size();
        String otherReturnPath = returnPathReceived(victor);

        String pointed = cameBackTo(fixture(POSTFIX_USER_UNKNOWN), otherReturnPath)
                .replace("user@relay-hard.rassylka.test", anna.getEmail());
        BounceReport report = read(pointed);
        assertEquals(BounceClass.HARD, report.kind());
        assertEquals(anna.getEmail(), report.recipient(), "the report's text names the first owner's client");
        assertEquals(tokenOf(otherReturnPath), report.returnPathToken());

        assertEquals(
                BounceOutcome.RECORDED,
                bounces.record(report),
                "a genuine token: the report is the other owner's delivery's");

        assertUntouched(anna, attempts);
        assertEquals(List.of(), suppressions.of(first.owner()), "the first owner's list is untouched");
        assertEquals(
                Optional.empty(),
                suppressions.entry(other.owner(), anna.getEmail()),
                "nor is the address put on the other list");
        assertEquals(
                List.of(victor.getEmail()),
                suppressions.of(other.owner()).stream()
                        .map(Suppression::getAddress)
                        .toList(),
                "only the address the token's delivery went to");
        assertBounced(victor, "HARD_BOUNCE", "5.1.1", 550, "hard");
    }
}
