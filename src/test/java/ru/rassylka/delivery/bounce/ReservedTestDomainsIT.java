package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rassylka.testing.server.Callers.as;
import static ru.rassylka.testing.server.TestMailings.await;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
import ru.rassylka.testing.server.TestMailings;
import ru.rassylka.testing.server.TestSending;
import ru.rassylka.testing.server.TestSuppressions;

/**
 * What the development mailbox does with an e-mail to a reserved test domain, on Payara with
 * PostgreSQL: the test server sends through the tests' SMTP server (the development mailbox is off
 * there), so each test hands the e-mail that server received, with the envelope sender it was
 * given, to the same {@link DevMailbox#returnToSender} the development mailbox calls for each e-mail it receives.
 */
@ArquillianTest
class ReservedTestDomainsIT {

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
    private TestSuppressions suppressions;

    @EJB
    private DevMailbox reports;

    @EJB
    private ReturnPaths returnPaths;

    @EJB
    private RunStatistics statistics;

    @EJB
    private MailingService mailings;

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

    @Test
    void
            anEmailToTheBounceTestDomainBouncesHardAndOneToTheComplaintTestDomainComplainsAndTheNextRunSkipsBothWithTheirReasons() {
        String owner = scenario.owner("testdomains");
        String bouncing = "someone-" + System.nanoTime() + "@bounce.test";
        String complaining = "someone-" + System.nanoTime() + "@complaint.test";
        String reader = "reader-" + System.nanoTime() + "@example.net";
        long bouncingId = scenario.client(owner, bouncing, "Отказ");
        long complainingId = scenario.client(owner, complaining, "Жалоба");
        long readerId = scenario.client(owner, reader, "Читатель");
        MailingRun first = scenario.sentRun(owner, Set.of(bouncingId, complainingId, readerId));

        returned(bouncing);
        returned(complaining);

        await(
                "the bounce recorded",
                () -> scenario.deliveryTo(first.getId(), bouncing).getState() == DeliveryState.FAILED);
        assertEquals(
                "HARD_BOUNCE",
                String.valueOf(scenario.deliveryTo(first.getId(), bouncing).getReason()));
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
                scenario.deliveryTo(first.getId(), complaining).getState(),
                "a complained-of e-mail was received");
        User owning = accounts.byEmail(owner);
        assertEquals(new BounceTotals(1, 0, 1), as(owning, () -> statistics.runBounces(first.getId())));

        MailingRun second = scenario.sentRun(owner, Set.of(bouncingId, complainingId, readerId));
        assertEquals(
                DeliveryState.SKIPPED,
                scenario.deliveryTo(second.getId(), bouncing).getState());
        assertEquals(
                "HARD_BOUNCE",
                String.valueOf(scenario.deliveryTo(second.getId(), bouncing).getReason()));
        assertEquals(
                DeliveryState.SKIPPED,
                scenario.deliveryTo(second.getId(), complaining).getState());
        assertEquals(
                "COMPLAINT",
                String.valueOf(scenario.deliveryTo(second.getId(), complaining).getReason()));
        assertEquals(
                DeliveryState.SENT, scenario.deliveryTo(second.getId(), reader).getState());
        assertEquals(1, mail.envelopesTo(bouncing).size(), "nothing more went to the bounced address");
    }

    @Test
    void aReportThatArrivesBeforeItsDeliveryIsRecordedAsSentWaitsForItAndIsNotLost() throws Exception {
        String owner = scenario.owner("early");
        String bouncing = "early-" + System.nanoTime() + "@bounce.test";
        long bouncingId = scenario.client(owner, bouncing, "Рано");
        Mailing mailing =
                scenario.mailingIn(owner, scenario.message(owner), Set.of(bouncingId), 3600, Periodicity.ONCE);
        MailingRun run = sending.waitingRun(owner, mailing.getId());
        Delivery waiting = scenario.deliveryTo(run.getId(), bouncing);
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
                scenario.deliveryTo(run.getId(), bouncing).getState(),
                "the report waits for the delivery's outcome");
        assertEquals(List.of(), suppressions.bounceKinds(waiting.getId()), "nothing recorded yet");

        as(accounts.byEmail(owner), () -> mailings.resume(mailing.getId()));

        await(
                "the delivery sent, then bounced",
                () -> scenario.deliveryTo(run.getId(), bouncing).getState() == DeliveryState.FAILED);
        assertEquals(
                "HARD_BOUNCE",
                String.valueOf(scenario.deliveryTo(run.getId(), bouncing).getReason()));
        assertEquals(List.of("HARD"), suppressions.bounceKinds(waiting.getId()));
        assertEquals(
                SuppressionReason.HARD_BOUNCE,
                suppressions.entry(owner, bouncing).orElseThrow().getReason());
        MailingRun finished = sending.runs(mailing.getId()).get(0);
        assertEquals(0, finished.getSent());
        assertEquals(1, finished.getFailed());
    }
}
