package ru.rassylka.testing.server;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.BooleanSupplier;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.mailing.Periodicity;

/**
 * What container tests of the sending set up again and again: an owner, a message, a mailing due in
 * a few seconds, the run it sent and its deliveries. Not a transaction of its own (a plain bean), so
 * that each read while waiting sees what the sending has committed since.
 */
@Dependent
public class TestMailings {

    /** The password of every owner made here. */
    public static final String PASSWORD = "owner password";

    /** How long a test waits for the sending before it fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    private TestAccounts accounts;

    @Inject
    private TestWorkspace workspace;

    @Inject
    private TestSending sending;

    /** A new verified owner named after {@code prefix}, in the UTC time zone; answers its e-mail. */
    public String owner(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@example.org";
        accounts.create(email, PASSWORD, true);
        workspace.setTimeZone(email, "UTC");
        return email;
    }

    /** A recipient's address no other test uses. */
    public static String address(String name) {
        return name + "-" + System.nanoTime() + "@example.net";
    }

    /** A new client of the owner; answers its id. */
    public long client(String owner, String email, String fullName) {
        return workspace.createClient(owner, email, fullName).getId();
    }

    /** A message of the owner that greets its client and carries an unsubscribe link. */
    public long message(String owner) {
        return workspace
                .createMessage(
                        owner,
                        "News for {{full_name}}",
                        "<p>Hello {{email}}</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>")
                .getId();
    }

    /** A mailing of the owner's message to the clients, first sent {@code seconds} from now on the UTC wall clock. */
    public Mailing mailingIn(String owner, long messageId, Set<Long> clients, int seconds, Periodicity periodicity) {
        // the next whole second after the wait, so that the first send is never in the past by the time it is saved
        Instant at = Instant.now()
                .plusSeconds(seconds)
                .truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
        LocalDateTime first = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return workspace.createMailing(owner, "Mailing " + System.nanoTime(), messageId, clients, first, periodicity);
    }

    /** A once-only mailing of {@link #message} to the clients that is sent a second from now, and its finished run. */
    public MailingRun sentRun(String owner, Set<Long> clients) {
        return finishedRun(
                mailingIn(owner, message(owner), clients, 2, Periodicity.ONCE).getId());
    }

    /** The first run of the mailing, once one of its runs has finished. */
    public MailingRun finishedRun(long mailingId) {
        await(
                "a finished run of mailing " + mailingId,
                () -> sending.runs(mailingId).stream().anyMatch(MailingRun::isFinished));
        return sending.runs(mailingId).get(0);
    }

    /** The run's delivery to the address. */
    public Delivery deliveryTo(long runId, String email) {
        return sending.deliveries(runId).stream()
                .filter(d -> d.getEmail().equals(email))
                .findFirst()
                .orElseThrow();
    }

    /** Waits until the condition holds, failing with {@code what} after {@link #PATIENCE}. */
    public static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            pause(200);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
