package ru.rassylka.delivery.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.RunStarted;
import ru.rassylka.delivery.Runs;
import ru.rassylka.delivery.bounce.Bounces;
import ru.rassylka.delivery.bounce.Refusal;
import ru.rassylka.delivery.bounce.ReturnPathStamp;
import ru.rassylka.delivery.bounce.ReturnPaths;
import ru.rassylka.delivery.unsubscribe.UnsubscribeKeys;
import ru.rassylka.delivery.unsubscribe.UnsubscribeTokens;
import ru.rassylka.mail.DkimKey;
import ru.rassylka.mail.DkimSigning;
import ru.rassylka.mail.FinalDotWithheld;
import ru.rassylka.mail.MailSettings;
import ru.rassylka.mail.PublicLinks;
import ru.rassylka.mail.SmtpSession;
import ru.rassylka.platform.Settings;
import ru.rassylka.platform.persistence.Migrations;

/**
 * The workers that send. Each worker takes the next sendable run in turn (so a huge mailing does
 * not hold back the others), claims a batch of its due deliveries in a short transaction, sends
 * them over a pooled SMTP connection outside any transaction, and hands the outcomes to the
 * writer, which records them in JDBC batches every {@link #FLUSH_EVERY} or {@link #FLUSH_AT}
 * outcomes, whichever comes first; the workers wait while {@link #UNWRITTEN_MAX} outcomes are not
 * yet written, so a crash forgets few sent messages however slow the database. A heartbeat renews the
 * leases of what the workers hold; a worker sends a delivery only while its claim still holds it
 * with time to spare, so a delivery whose lease ended and that another claim took is sent once. A
 * delivery whose lease ends unrecorded (its instance died) is claimed again; an instance that
 * starts again under its name gives back at once what it left SENDING. Just before the final dot
 * of each e-mail, the delivery is marked handed over ({@link Handovers}); one claimed again with
 * that mark (its instance died before recording the server's answer) is recorded sent, not sent again.
 */
@Singleton
@Startup
@DependsOn({"Migrations", "SendingTimers", "UnsubscribeKeys", "ReturnPaths"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedExecutorDefinition(name = SendingEngine.EXECUTOR, maxAsync = 64)
public class SendingEngine {

    static final String EXECUTOR = "java:app/concurrent/sending";
    static final Duration FLUSH_EVERY = Duration.ofMillis(20);
    static final int FLUSH_AT = 8;
    /** The most outcomes the sending may run ahead of the ledger: at most these (and the messages in flight) are sent twice after a crash. */
    static final int UNWRITTEN_MAX = 20;
    /** How often a scrape of /metrics may count the waiting deliveries in the database. */
    static final Duration GAUGE_QUERY_EVERY = Duration.ofSeconds(5);
    /** How long the writer keeps one connection of the pool at most. */
    static final Duration CONNECTION_HELD_AT_MOST = Duration.ofSeconds(1);
    /** How often the workers read which runs may send, unless a run has started meanwhile. */
    static final Duration RUNS_READ_EVERY = Duration.ofMillis(100);

    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final int FLUSH_MAX = 2000;

    @Resource(lookup = EXECUTOR)
    private ManagedExecutorService executor;

    @Inject
    private SendingSettings settings;

    @Inject
    private Claims deliveryClaims;

    /** Where the writer records the outcomes (see {@link Outcomes#write}). */
    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    /** The writer's connection while outcomes keep coming (see {@link HeldConnection}). */
    private HeldConnection ledger;

    /** The marks written before each e-mail's final dot. */
    private Handovers handovers;

    @Inject
    private RunEnd runEnd;

    @Inject
    private WaitingDeliveries waitingDeliveries;

    @Inject
    private Runs runs;

    @Inject
    private SmtpPool pool;

    @Inject
    private SenderRefusals refusals;

    @Inject
    private Settings platform;

    @Inject
    private MailSettings mail;

    @Inject
    private ReturnPaths returnPaths;

    @Inject
    private Bounces bounces;

    @Inject
    private DkimSigning dkim;

    @Inject
    private UnsubscribeKeys unsubscribeKeys;

    @Inject
    private MetricRegistry metrics;

    @Inject
    private Logger logger;

    private final Queue<SendResult> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Object written = new Object();
    /** The claims whose leases the heartbeat renews: until their worker has ended and their outcomes are written. */
    private final Map<Long, Claim> held = new ConcurrentHashMap<>();

    private final Object heartbeat = new Object();
    private final Map<Long, RunContext> contexts = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final Object work = new Object();
    private final List<Future<?>> tasks = new ArrayList<>();
    private volatile boolean running;
    private CircuitBreaker breaker;
    private volatile RateLimiter limiter;
    private volatile ClaimSize claimSize;
    private UnsubscribeTokens tokens;
    private ReturnPathStamp returnPath;
    private Counter sentCounter;
    private Counter failedCounter;
    private RecentRuns sendable;

    /**
     * What every e-mail of a run shares: its builder (the message prepared, the shared parts encoded
     * once), the sender and the DKIM key (read once at start), asked once a run rather than once an e-mail.
     */
    private record RunContext(DeliveryMails mails, String sender, Optional<DkimKey> dkim) {

        MimeMessage signed(MimeMessage message) throws MessagingException {
            return dkim.isPresent() ? dkim.get().sign(message) : message;
        }
    }

    @PostConstruct
    void start() {
        tokens = unsubscribeKeys.tokens();
        returnPath = returnPaths.stamp();
        breaker = settings.newBreaker();
        ledger = new HeldConnection(dataSource, CONNECTION_HELD_AT_MOST, System::nanoTime);
        handovers = new Handovers(
                new HeldConnection(
                        dataSource, CONNECTION_HELD_AT_MOST, System::nanoTime, Handovers.PLANNED_ONCE_AND_BOUNDED),
                settings.instance());
        sendable = new RecentRuns(() -> Claims.sendableRuns(dataSource), RUNS_READ_EVERY, System::nanoTime);
        useConfiguredPace();
        sentCounter = metrics.counter("rassylka.messages.sent");
        failedCounter = metrics.counter("rassylka.messages.failed");
        CachedGauge waiting = new CachedGauge(waitingDeliveries::count, GAUGE_QUERY_EVERY, System::nanoTime);
        metrics.gauge("rassylka.deliveries.waiting", waiting, CachedGauge::value);
        metrics.gauge(
                "rassylka.smtp.circuit.open",
                this,
                engine -> engine.breaker.state(Instant.now()).ordinal());
        Optional<String> refusal = PublicLinks.refusal(mail, platform.baseUrl());
        if (refusal.isPresent()) {
            // nothing is claimed, so the runs keep every delivery waiting until a restart with a public address
            logger.warning(refusal.get());
            return;
        }
        int released = deliveryClaims.releaseLeftBy(settings.instance());
        if (released > 0) {
            logger.info(
                    () -> released
                            + " deliveries this instance had claimed before it stopped are due again, before the rest of their runs");
        }
        running = true;
        for (int i = 0; i < settings.concurrency(); i++) {
            tasks.add(executor.submit(this::work));
        }
        tasks.add(executor.submit(this::writeOutcomes));
        tasks.add(executor.submit(this::renewLeases));
        logger.info(() -> "Sending engine started as " + settings.instance() + ": " + settings.concurrency()
                + " SMTP sessions, "
                + (settings.ratePerSecond() > 0 ? settings.ratePerSecond() + " messages/s at most" : "no rate limit")
                + ", lease " + settings.lease().toSeconds() + " s, "
                + (settings.handoverMark() ? "handed-over marks" : "no handed-over marks (a crash may send some twice)")
                + ", "
                + settings.retry().maxAttempts() + " attempts");
    }

    @PreDestroy
    void stop() {
        running = false;
        wake();
        for (Object sleeper : List.of(written, heartbeat)) {
            synchronized (sleeper) {
                sleeper.notifyAll();
            }
        }
        for (Future<?> task : tasks) {
            try {
                task.get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                task.cancel(true);
            }
        }
        while (flush()) {
            // until every outcome is written, or the database does not take them
        }
        ledger.release();
        handovers.release();
    }

    /**
     * Sends at most {@code ratePerSecond} messages per second (0 = no limit) and claims at most
     * {@code batch} deliveries at a time from now on, as SEND_RATE_PER_SECOND and SEND_BATCH would
     * after a restart; the container tests set a run's pace this way on their one server.
     */
    public void usePace(double ratePerSecond, int batch) {
        limiter = new RateLimiter(ratePerSecond, System.nanoTime());
        claimSize = new ClaimSize(batch, settings.lease(), ratePerSecond, settings.concurrency());
    }

    /** Goes back to the pace of the settings. */
    public void useConfiguredPace() {
        usePace(settings.ratePerSecond(), settings.batch());
    }

    public CircuitBreaker.State breakerState() {
        return breaker.state(Instant.now());
    }

    /** Wakes idle workers once a new run is committed, so its first e-mail leaves at once. */
    public void onRunStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunStarted started) {
        sendable.forget();
        wake();
    }

    private void wake() {
        synchronized (work) {
            work.notifyAll();
        }
    }

    private void work() {
        while (running) {
            try {
                if (!sendNextBatch()) {
                    synchronized (work) {
                        work.wait(IDLE_WAIT.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logger.log(Level.WARNING, "A sending worker failed; it goes on in a second", e);
                sleep(IDLE_WAIT);
            }
        }
    }

    /** Claims and sends one batch of the next run in turn; false when no run has anything due. */
    private boolean sendNextBatch() {
        Instant now = Instant.now();
        if (breaker.state(now) == CircuitBreaker.State.OPEN) {
            Instant until = breaker.openUntil();
            sleep(
                    until == null
                            ? IDLE_WAIT
                            : Duration.ofMillis(Math.min(
                                    IDLE_WAIT.toMillis(),
                                    Math.max(10, Duration.between(now, until).toMillis()))));
            return true;
        }
        List<Long> open = sendable.get();
        contexts.keySet().retainAll(open);
        for (int i = 0; i < open.size() && running; i++) {
            long runId = open.get(Math.floorMod(turn.getAndIncrement(), open.size()));
            ClaimSize size = claimSize;
            Claim claim = claim(runId, size.next(), now);
            if (!claim.isEmpty()) {
                held.put(claim.id(), claim);
                long started = System.nanoTime();
                int attempted = 0;
                try {
                    attempted = send(context(runId), claim);
                } finally {
                    size.sent(attempted, System.nanoTime() - started);
                    if (claim.sendingEnded()) {
                        held.remove(claim.id());
                    }
                }
                return true;
            }
            if (outcomes.isEmpty() && runEnd.finishIfDone(runId, now)) {
                contexts.remove(runId);
            }
        }
        return false;
    }

    /**
     * Claims due deliveries of the run in a transaction of its own on a connection of the pool, given
     * back before anything is sent: the claim does not go through the bean and the container's transaction.
     */
    private Claim claim(long runId, int limit, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            return Claims.claim(connection, runId, settings.instance(), limit, now, now.plus(settings.lease()));
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries of run " + runId + " could not be claimed", e);
        }
    }

    /** Sends the claim's deliveries in turn; answers how many it tried at the server. */
    private int send(RunContext run, Claim claim) {
        List<Claimed> batch = claim.deliveries();
        int attempted = 0;
        SmtpSession connection = null;
        for (int i = 0; i < batch.size(); i++) {
            Claimed delivery = batch.get(i);
            Instant now = Instant.now();
            if (delivery.handedOver()) {
                recordHandedOver(delivery, now);
                continue;
            }
            if (!running || !breaker.allows(now)) {
                releaseFrom(batch, i, later(now));
                break;
            }
            MimeMessage message;
            InternetAddress to;
            try {
                to = DeliveryMails.recipient(delivery);
                String token = tokens.tokenFor(delivery.id());
                message = run.mails()
                        .build(
                                pool.sessionFor(run.sender(), delivery.email()),
                                delivery,
                                to,
                                platform.baseUrl() + "/unsubscribe?t=" + token,
                                settings.unsubscribeMailto(),
                                token);
                message = run.signed(message);
                returnPath.stamp(message, delivery.id());
            } catch (MessagingException e) {
                breaker.released();
                record(delivery, FailureClassifier.of(e), now, 0);
                continue;
            }
            if (connection == null) {
                try {
                    connection = pool.borrow();
                } catch (MessagingException e) {
                    Verdict refusal = FailureClassifier.of(e);
                    if (refusal.scope() == Verdict.Scope.SENDER) {
                        // the login was refused: the sender's settings, not the recipients, are at fault
                        releaseFrom(batch, i + 1, senderRefused(delivery, refusal, now, 0));
                        break;
                    }
                    // the server cannot be reached: the deliveries wait, their attempts are not spent
                    breaker.unreachable(now);
                    logger.warning(() -> "SMTP server unreachable: "
                            + FailureClassifier.of(e).reply());
                    releaseFrom(batch, i, later(now));
                    break;
                }
            }
            keepUpWithWriter();
            pace();
            Instant sending = Instant.now();
            if (!claim.leasedAt(sending.plus(safety()))) {
                // the heartbeat has not renewed the lease in time: let the rest go rather than risk another instance
                // sending it too
                releaseFrom(batch, i, sending);
                break;
            }
            if (claim.lost(delivery)) {
                continue; // another claim holds it now, or its run stopped: not sent from here
            }
            attempted++;
            long started = System.nanoTime();
            Verdict verdict;
            GroupCommit.Coming marking = settings.handoverMark() ? handovers.coming() : null;
            try {
                SmtpSession.Reply reply = connection.send(
                        message,
                        to,
                        marking != null
                                ? dot -> handovers.mark(delivery, dot, marking)
                                : SmtpSession.BeforeFinalDot.NOTHING);
                verdict = FailureClassifier.ofReply(reply.code(), reply.text());
            } catch (FinalDotWithheld e) {
                // the mark could not be written, so the e-mail never got its final dot: it waits, its attempt unspent
                logger.warning(() -> "Delivery " + delivery.id() + " waits: " + e.getMessage());
                pool.giveBack(connection, true);
                connection = null;
                queue(SendResult.released(delivery, later(now)));
                continue;
            } catch (MessagingException e) {
                verdict = FailureClassifier.of(e);
            } finally {
                if (marking != null) {
                    handovers.gone(marking);
                }
            }
            int millis = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (verdict.scope() == Verdict.Scope.SENDER) {
                // refused for the sender, not this recipient: the rest of the batch waits as well
                releaseFrom(batch, i + 1, senderRefused(delivery, verdict, now, millis));
                break;
            }
            if (verdict.serverUnreachable()) {
                breaker.unreachable(now);
                pool.giveBack(connection, true);
                connection = null;
            } else {
                breaker.succeeded();
            }
            record(delivery, verdict, now, millis);
        }
        if (connection != null) {
            pool.giveBack(connection, false);
        }
        return attempted;
    }

    private void record(Claimed delivery, Verdict verdict, Instant at, int millis) {
        int attempts = delivery.attempts() + 1;
        Verdict kept = verdict;
        Instant next = null;
        if (verdict.outcome() == DeliveryState.RETRY) {
            if (settings.retry().mayRetry(attempts)) {
                next = at.plus(settings.retry().delayAfter(attempts, ThreadLocalRandom.current()::nextDouble));
            } else {
                kept = new Verdict(DeliveryState.FAILED, verdict.code(), verdict.reply(), verdict.serverUnreachable());
            }
        }
        if (kept.outcome() == DeliveryState.SENT) {
            sentCounter.inc();
        } else if (kept.outcome() == DeliveryState.FAILED) {
            failedCounter.inc();
        }
        queue(new SendResult(delivery, kept, attempts, at, millis, next));
    }

    /**
     * The server refused the sender rather than the recipient. A temporary refusal (451 rate limited,
     * 454 throttling, 421) slows the whole sender down and, when it goes on, pauses it with growing
     * pauses; a lasting one (a 5xx to MAIL FROM or to the login) pauses the run's mailing with the
     * reply. The attempt is recorded with its reply, but the delivery keeps its attempts and waits.
     *
     * @return when the delivery may go again
     */
    private Instant senderRefused(Claimed delivery, Verdict verdict, Instant at, int millis) {
        if (verdict.outcome() == DeliveryState.FAILED) {
            breaker.released();
            try {
                refusals.pauseRun(delivery.runId(), verdict.reply());
            } catch (RuntimeException e) {
                logger.log(
                        Level.WARNING,
                        "Run " + delivery.runId()
                                + " could not be paused after the sender was refused; the next attempt tries again",
                        e);
            }
        } else {
            breaker.throttled(at);
            if (limiter.slowDown(System.nanoTime())) {
                logger.warning(() -> "The mail server asks the sender to wait (" + verdict.reply() + "): at most "
                        + String.format(Locale.ROOT, "%.1f", limiter.perSecond(System.nanoTime()))
                        + " messages/s for now");
            }
        }
        Instant next = later(at);
        outcomes.add(new SendResult(
                delivery, verdict.withOutcome(DeliveryState.RETRY), delivery.attempts(), at, millis, next));
        return next;
    }

    private void releaseFrom(List<Claimed> batch, int from, Instant next) {
        for (int i = from; i < batch.size(); i++) {
            Claimed delivery = batch.get(i);
            if (delivery.handedOver()) {
                recordHandedOver(delivery, Instant.now()); // given back, it would be sent again
            } else {
                queue(SendResult.released(delivery, next));
            }
        }
    }

    /**
     * Records as sent, its attempt counted, a delivery whose e-mail the instance that held it had
     * handed to the mail server before it stopped without recording the answer: the server may
     * have it, so it is not sent again.
     */
    private void recordHandedOver(Claimed delivery, Instant now) {
        record(delivery, Verdict.sent(0, handedOverReply(delivery.handedBy())), now, 0);
    }

    /** The reply the run's page shows for a delivery recorded by {@link #recordHandedOver}. */
    public static String handedOverReply(String instance) {
        return "Handed to the mail server by " + instance
                + ", which stopped before recording the server's answer; not sent again";
    }

    /** Hands an outcome to the writer, waking it once enough wait. */
    private void queue(SendResult outcome) {
        Claim claim = held.get(outcome.delivery().claim());
        if (claim != null) {
            claim.queued();
        }
        outcomes.add(outcome);
        if (unwritten.incrementAndGet() == FLUSH_AT) {
            synchronized (written) {
                written.notifyAll();
            }
        }
    }

    /** Waits while the writer is {@link #UNWRITTEN_MAX} outcomes behind (or the database does not take them). */
    private void keepUpWithWriter() {
        if (unwritten.get() < UNWRITTEN_MAX) {
            return;
        }
        synchronized (written) {
            written.notifyAll();
            while (running && unwritten.get() >= UNWRITTEN_MAX) {
                try {
                    written.wait(FLUSH_EVERY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How much of its lease a claim must have left for a send to begin: what one late heartbeat costs. */
    private Duration safety() {
        return settings.lease().dividedBy(3);
    }

    /** When released deliveries may be claimed again: after the breaker's pause, or in a moment. */
    private Instant later(Instant now) {
        Instant until = breaker.openUntil();
        return until != null && until.isAfter(now) ? until : now.plusSeconds(1);
    }

    private void pace() {
        long wait = limiter.reserve(System.nanoTime());
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private RunContext context(long runId) {
        return contexts.computeIfAbsent(runId, id -> {
            MailingRun run = runs.run(id);
            return new RunContext(DeliveryMails.of(run.template(), run.getSender()), run.getSender(), dkim.key());
        });
    }

    /** Writes the outcomes in batches, every {@link #FLUSH_EVERY} or as soon as {@link #FLUSH_AT} wait, until the engine stops. */
    private void writeOutcomes() {
        while (running) {
            try {
                synchronized (written) {
                    if (running && unwritten.get() < FLUSH_AT) {
                        written.wait(FLUSH_EVERY.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            flush();
        }
    }

    /** Renews the leases of the claims this instance holds, three times per lease, until the engine stops. */
    private void renewLeases() {
        long every = Math.max(1, settings.lease().toMillis() / 3);
        while (running) {
            try {
                synchronized (heartbeat) {
                    heartbeat.wait(every);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<Claim> claims = List.copyOf(held.values());
            if (!running || claims.isEmpty()) {
                continue;
            }
            Instant until = Instant.now().plus(settings.lease());
            try {
                Map<Long, Long> holders = deliveryClaims.renew(settings.instance(), claims, until);
                for (Claim claim : claims) {
                    claim.renewed(until, holders);
                }
            } catch (RuntimeException e) {
                // the workers stop sending what they hold once the lease nears its end
                logger.log(Level.WARNING, "Leases of " + claims.size() + " claims could not be renewed", e);
            }
        }
    }

    /**
     * Writes the outcomes waiting now (at most {@link #FLUSH_MAX}) in one batch; those that come
     * meanwhile wait for the next, which the writer makes once {@link #FLUSH_AT} wait (or after
     * {@link #FLUSH_EVERY}), rather than in batches of the one or two that come while a batch is written.
     *
     * @return whether a batch was written
     */
    private synchronized boolean flush() {
        if (outcomes.isEmpty()) {
            ledger.release(); // nothing to write: the connection goes back to the pool until there is
            handovers.releaseIfIdle(CONNECTION_HELD_AT_MOST);
            return false;
        }
        List<SendResult> batch = new ArrayList<>(Math.min(FLUSH_MAX, Math.max(unwritten.get(), FLUSH_AT)));
        SendResult outcome;
        while (batch.size() < FLUSH_MAX && (outcome = outcomes.poll()) != null) {
            batch.add(outcome);
        }
        try {
            Outcomes.write(ledger.get(), settings.instance(), batch);
        } catch (SQLException | RuntimeException e) {
            ledger.release();
            outcomes.addAll(batch);
            logger.log(
                    Level.WARNING, "Outcomes of " + batch.size() + " deliveries could not be written; trying again", e);
            sleep(IDLE_WAIT);
            return false;
        }
        suppressRefused(batch);
        unwritten.addAndGet(-batch.size());
        synchronized (written) {
            written.notifyAll();
        }
        for (SendResult done : batch) {
            Claim claim = held.get(done.delivery().claim());
            if (claim != null && claim.written()) {
                held.remove(claim.id());
            }
        }
        return true;
    }

    /** Addresses the server refused for good go to the owner's suppression list when the reply says they do not exist. */
    private void suppressRefused(List<SendResult> batch) {
        List<Refusal> refused = batch.stream()
                .filter(outcome -> !outcome.isRelease()
                        && outcome.state() == DeliveryState.FAILED
                        && outcome.verdict().code() >= 500)
                .map(outcome -> new Refusal(
                        outcome.delivery().id(),
                        outcome.delivery().runId(),
                        outcome.delivery().email(),
                        outcome.verdict().code(),
                        outcome.verdict().reply()))
                .toList();
        try {
            if (!refused.isEmpty()) {
                bounces.refused(refused);
            }
        } catch (RuntimeException e) {
            logger.log(
                    Level.WARNING,
                    "Refused addresses of " + refused.size() + " deliveries could not be put on the suppression list",
                    e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
