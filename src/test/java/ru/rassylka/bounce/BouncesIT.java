package ru.rassylka.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.User;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.Periodicity;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.FaultySmtpFront;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestMailServer;
import ru.rassylka.testing.server.TestSending;
import ru.rassylka.testing.server.TestWorkspace;

/**
 * Return paths on Payara with PostgreSQL and the test SMTP server, whose envelopes are kept as
 * received; the test server runs with BOUNCE_DOMAIN=bounces.rassylka.example.org (pom.xml).
 */
@ArquillianTest
class BouncesIT {

    private static final String BOUNCE_DOMAIN = "bounces.rassylka.example.org";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern MAIL_FROM = Pattern.compile("MAIL FROM:<bounces\\+([0-9a-f-]+)@" + Pattern.quote(BOUNCE_DOMAIN) + ">.*");

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
    private ReturnPaths returnPaths;

    private String owner(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@example.org";
        accounts.create(email, "bounces password", true);
        workspace.setTimeZone(email, "UTC");
        return email;
    }

    private static String address(String name) {
        return name + "-" + System.nanoTime() + "@example.net";
    }

    private long message(String owner) {
        return workspace.createMessage(owner, "News for {{full_name}}", "<p>Hello {{email}}</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>").getId();
    }

    /** A once-only mailing to the clients that is sent a second from now, and its finished run. */
    private MailingRun sentRun(String owner, Set<Long> clients) {
        Instant at = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Mailing mailing = workspace.createMailing(owner, "Mailing " + System.nanoTime(), message(owner), clients,
                LocalDateTime.ofInstant(at, ZoneOffset.UTC), Periodicity.ONCE);
        await("a finished run of mailing " + mailing.getId(), () -> sending.runs(mailing.getId()).stream().anyMatch(MailingRun::isFinished));
        return sending.runs(mailing.getId()).get(0);
    }

    private Delivery deliveryTo(long runId, String email) {
        return sending.deliveries(runId).stream().filter(d -> d.getEmail().equals(email)).findFirst().orElseThrow();
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
        String owner = owner("verp");
        String anna = address("anna");
        String boris = address("boris");
        long annaId = workspace.createClient(owner, anna, "Анна").getId();
        long borisId = workspace.createClient(owner, boris, "Борис").getId();
        MailingRun run = sentRun(owner, Set.of(annaId, borisId));
        User ownerAccount = accounts.byEmail(owner);

        for (String recipient : List.of(anna, boris)) {
            Delivery delivery = deliveryTo(run.getId(), recipient);
            String token = envelopeToken(recipient);
            Optional<BouncedDelivery> found = returnPaths.find(token);
            assertEquals(Optional.of(new BouncedDelivery(delivery.getId(), ownerAccount.getId(), run.getId(), delivery.getClientId(), recipient)),
                    found, "the token of " + recipient);
        }
        assertTrue(mail.awaitMail(anna, 1).getHeader("From")[0].contains("@"), "the From header is still the sender");
    }

    @Test
    void aForgedOrAlteredTokenMapsToNothing() {
        String owner = owner("forged");
        String anna = address("anna");
        long annaId = workspace.createClient(owner, anna, "Анна").getId();
        MailingRun run = sentRun(owner, Set.of(annaId));
        String token = envelopeToken(anna);
        long deliveryId = deliveryTo(run.getId(), anna).getId();
        String signature = token.substring(token.indexOf('-'));

        assertEquals(Optional.empty(), returnPaths.find((deliveryId + 1) + signature), "another delivery's id with this signature");
        assertEquals(Optional.empty(), returnPaths.find(deliveryId + "-0000000000000000"), "a made-up signature");
        assertEquals(Optional.empty(), returnPaths.find("bounces"), "not a token");
    }
}
