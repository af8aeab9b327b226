package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rassylka.testing.server.Callers.as;

import jakarta.ejb.EJB;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.User;
import ru.rassylka.client.suppression.SuppressionReason;
import ru.rassylka.delivery.BounceTotals;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.RunStatistics;
import ru.rassylka.mail.DevMailbox;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.MailingService;
import ru.rassylka.mailing.Periodicity;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.FaultySmtpFront;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestMailServer;
import ru.rassylka.testing.server.TestSending;
import ru.rassylka.testing.server.TestSuppressions;
import ru.rassylka.testing.server.TestWorkspace;

/**
 * What the development mailbox does with an e-mail to a reserved test domain, on Payara with
 * PostgreSQL: the test server sends through the tests' SMTP server (the development mailbox is off
 * there), so each test hands the e-mail that server received, with the envelope sender it was
 * given, to the same {@link DevMailbox#returnToSender} the development mailbox calls for each e-mail it receives.
 */
@ArquillianTest
class ReservedTestDomainsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @EJB
    private TestAccounts accounts;

    @EJB
    private TestWorkspace workspace;

    @EJB
    private TestSending sending;

    @EJB
    private TestMailServer mail;

    @EJB
    private TestSuppressions suppressions;

    @EJB
    private DevMailbox reports;

    @EJB
    private ReturnPaths returnPaths;

    @EJB
    private RunStatistics statistics;

    @EJB
    private MailingService mailings;

    private String owner(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@example.org";
        accounts.create(email, "bounces password", true);
        workspace.setTimeZone(email, "UTC");
        return email;
    }

    private long message(String owner) {
        return workspace
                .createMessage(
                        owner,
                        "News for {{full_name}}",
                        "<p>Hello {{email}}</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>")
                .getId();
    }

    private Mailing mailing(String owner, Set<Long> clients, Instant at) {
        return workspace.createMailing(
                owner,
                "Mailing " + System.nanoTime(),
                message(owner),
                clients,
                LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                Periodicity.ONCE);
    }

    /** A once-only mailing to the clients that is sent a second from now, and its finished run. */
    private MailingRun sentRun(String owner, Set<Long> clients) {
        Mailing mailing = mailing(
                owner,
                clients,
                Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        await(
                "a finished run of mailing " + mailing.getId(),
                () -> sending.runs(mailing.getId()).stream().anyMatch(MailingRun::isFinished));
        return sending.runs(mailing.getId()).get(0);
    }

    private Delivery deliveryTo(long runId, String email) {
        return sending.deliveries(runId).stream()
                .filter(d -> d.getEmail().equals(email))
                .findFirst()
                .orElseThrow();
    }

    /** What the SMTP server received for the address: the e-mail and its envelope sender, handed on as the development mailbox does. */
    private void returned(String recipient) {
        List<FaultySmtpFront.Envelope> envelopes = mail.envelopesTo(recipient);
        assertEquals(1, envelopes.size(), "one transaction for " + recipient);
        String mailFrom = new String(envelopes.get(0).mailFrom(), StandardCharsets.UTF_8);
        String returnPath = mailFrom.substring(mailFrom.indexOf('<') + 1, mailFrom.indexOf('>'));
        MimeMessage received = mail.envelopeTo(recipient).get(0);
        assertTrue(
                reports.returnToSender(received, returnPath, recipient).isPresent(),
                "a report on the e-mail to " + recipient);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void
            anEmailToTheBounceTestDomainBouncesHardAndOneToTheComplaintTestDomainComplainsAndTheNextRunSkipsBothWithTheirReasons() {
        String owner = owner("testdomains");
        String bouncing = "someone-" + System.nanoTime() + "@bounce.test";
        String complaining = "someone-" + System.nanoTime() + "@complaint.test";
        String reader = "reader-" + System.nanoTime() + "@example.net";
        long bouncingId = workspace.createClient(owner, bouncing, "Отказ").getId();
        long complainingId =
                workspace.createClient(owner, complaining, "Жалоба").getId();
        long readerId = workspace.createClient(owner, reader, "Читатель").getId();
        MailingRun first = sentRun(owner, Set.of(bouncingId, complainingId, readerId));

        returned(bouncing);
        returned(complaining);

        await("the bounce recorded", () -> deliveryTo(first.getId(), bouncing).getState() == DeliveryState.FAILED);
        assertEquals(
                "HARD_BOUNCE",
                String.valueOf(deliveryTo(first.getId(), bouncing).getReason()));
        assertEquals(
                SuppressionReason.HARD_BOUNCE,
                suppressions.entry(owner, bouncing).orElseThrow().getReason());
        assertEquals("5.1.1", suppressions.entry(owner, bouncing).orElseThrow().getStatusCode());
        await(
                "the complaint recorded",
                () -> suppressions.entry(owner, complaining).isPresent());
        assertEquals(
                SuppressionReason.COMPLAINT,
                suppressions.entry(owner, complaining).orElseThrow().getReason());
        assertEquals(
                DeliveryState.SENT,
                deliveryTo(first.getId(), complaining).getState(),
                "a complained-of e-mail was received");
        User owning = accounts.byEmail(owner);
        assertEquals(new BounceTotals(1, 0, 1), as(owning, () -> statistics.runBounces(first.getId())));

        MailingRun second = sentRun(owner, Set.of(bouncingId, complainingId, readerId));
        assertEquals(DeliveryState.SKIPPED, deliveryTo(second.getId(), bouncing).getState());
        assertEquals(
                "HARD_BOUNCE",
                String.valueOf(deliveryTo(second.getId(), bouncing).getReason()));
        assertEquals(
                DeliveryState.SKIPPED, deliveryTo(second.getId(), complaining).getState());
        assertEquals(
                "COMPLAINT",
                String.valueOf(deliveryTo(second.getId(), complaining).getReason()));
        assertEquals(DeliveryState.SENT, deliveryTo(second.getId(), reader).getState());
        assertEquals(1, mail.envelopesTo(bouncing).size(), "nothing more went to the bounced address");
    }

    @Test
    void aReportThatArrivesBeforeItsDeliveryIsRecordedAsSentWaitsForItAndIsNotLost() throws Exception {
        String owner = owner("early");
        String bouncing = "early-" + System.nanoTime() + "@bounce.test";
        long bouncingId = workspace.createClient(owner, bouncing, "Рано").getId();
        Mailing mailing = mailing(owner, Set.of(bouncingId), Instant.now().plus(Duration.ofHours(1)));
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Delivery waiting = deliveryTo(run.getId(), bouncing);
        assertEquals(DeliveryState.PENDING, waiting.getState());

        MimeMessage early = new MimeMessage(Session.getInstance(new Properties()));
        early.setFrom(new InternetAddress("news@example.org"));
        early.setRecipient(Message.RecipientType.TO, new InternetAddress(bouncing));
        early.setSubject("News", "UTF-8");
        early.setText("Hello", "UTF-8");
        early.saveChanges();
        assertTrue(reports.returnToSender(
                        early, returnPaths.addressFor(waiting.getId()).orElseThrow(), bouncing)
                .isPresent());
        Thread.sleep(2000);
        assertEquals(
                DeliveryState.PENDING,
                deliveryTo(run.getId(), bouncing).getState(),
                "the report waits for the delivery's outcome");
        assertEquals(List.of(), suppressions.bounceKinds(waiting.getId()), "nothing recorded yet");

        as(accounts.byEmail(owner), () -> mailings.resume(mailing.getId()));

        await(
                "the delivery sent, then bounced",
                () -> deliveryTo(run.getId(), bouncing).getState() == DeliveryState.FAILED);
        assertEquals(
                "HARD_BOUNCE", String.valueOf(deliveryTo(run.getId(), bouncing).getReason()));
        assertEquals(List.of("HARD"), suppressions.bounceKinds(waiting.getId()));
        assertEquals(
                SuppressionReason.HARD_BOUNCE,
                suppressions.entry(owner, bouncing).orElseThrow().getReason());
        MailingRun finished = sending.runs(mailing.getId()).get(0);
        assertEquals(0, finished.getSent());
        assertEquals(1, finished.getFailed());
    }
}
