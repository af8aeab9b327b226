package ru.rassylka.delivery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final long LONG = TimeUnit.SECONDS.toNanos(10);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);
    private final CountDownLatch firstCommitMayEnd = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        firstCommitMayEnd.countDown();
        threads.shutdownNow();
    }

    /** Writes every item of a batch, the first batch only once the test lets it. */
    private Set<Integer> writeAll(List<Integer> batch) throws InterruptedException {
        batches.add(batch);
        if (batches.size() == 1) {
            firstCommitStarted.countDown();
            firstCommitMayEnd.await();
        }
        return new HashSet<>(batch);
    }

    @Test
    void aLoneWaiterWritesItsItemInACommitOfItsOwn() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(batch -> new HashSet<>(batch), System::nanoTime);

        assertTrue(commits.write(1, LONG));
        assertEquals(1, commits.commits());
        assertEquals(1, commits.largest());
    }

    @Test
    void waitersThatComeWhileACommitRunsShareTheNextOne() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(this::writeAll, System::nanoTime);
        Future<Boolean> first = threads.submit(() -> commits.write(0, LONG));
        firstCommitStarted.await();
        List<Future<Boolean>> later = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int item = i;
            later.add(threads.submit(() -> commits.write(item, LONG)));
        }
        Thread.sleep(200); // the four wait behind the running commit

        firstCommitMayEnd.countDown();

        assertTrue(first.get(5, TimeUnit.SECONDS));
        for (Future<Boolean> waiter : later) {
            assertTrue(waiter.get(5, TimeUnit.SECONDS));
        }
        assertEquals(2, commits.commits(), "one commit for the first, one for the four: " + batches);
        assertEquals(Set.of(1, 2, 3, 4), new HashSet<>(batches.get(1)));
    }

    @Test
    void anItemTheCommitDidNotWriteIsAnsweredNotWritten() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(batch -> Set.of(), System::nanoTime);

        assertFalse(commits.write(1, LONG));
    }

    @Test
    void aFailedCommitAnswersNotWrittenAndTheNextCommitWorks() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        GroupCommit<Integer> commits = new GroupCommit<>(
                batch -> {
                    if (fail.getAndSet(false)) {
                        throw new SQLException("connection lost");
                    }
                    return new HashSet<>(batch);
                },
                System::nanoTime);

        assertFalse(commits.write(1, LONG));
        assertTrue(commits.write(2, LONG));
    }

    @Test
    void aWaiterNotYetTakenGivesUpAtItsTimeoutAndItsItemIsNeverWritten() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(this::writeAll, System::nanoTime);
        threads.submit(() -> commits.write(0, LONG));
        firstCommitStarted.await();

        assertFalse(commits.write(1, TimeUnit.MILLISECONDS.toNanos(100)), "the running commit did not end in time");
        firstCommitMayEnd.countDown();
        assertTrue(commits.write(2, LONG));

        assertTrue(batches.stream().noneMatch(batch -> batch.contains(1)), "written: " + batches);
    }

    @Test
    void aWaiterWhoseItemACommitHasTakenWaitsForItPastItsTimeout() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(this::writeAll, System::nanoTime);
        Future<Boolean> taken = threads.submit(() -> commits.write(0, TimeUnit.MILLISECONDS.toNanos(50)));
        firstCommitStarted.await();
        Thread.sleep(300);

        firstCommitMayEnd.countDown();

        assertTrue(taken.get(5, TimeUnit.SECONDS), "its item was written: it may send");
    }

    @Test
    void aWaiterInterruptedWhileAnotherThreadsCommitHasTakenItsItemLearnsTheOutcomeAndKeepsItsInterrupt()
            throws Exception {
        AtomicReference<Thread> secondLeader = new AtomicReference<>();
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean secondMayEnd = new AtomicBoolean();
        GroupCommit<Integer> commits = new GroupCommit<>(
                batch -> {
                    if (batches.isEmpty()) {
                        return writeAll(batch);
                    }
                    batches.add(batch);
                    secondLeader.set(Thread.currentThread());
                    secondStarted.countDown();
                    while (!secondMayEnd.get()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // deaf to interrupts
                    }
                    return new HashSet<>(batch);
                },
                System::nanoTime);
        threads.submit(() -> commits.write(0, LONG));
        firstCommitStarted.await();
        Map<Thread, String> outcomes = new ConcurrentHashMap<>();
        List<Thread> waiters = List.of(waiter(commits, 1, outcomes), waiter(commits, 2, outcomes));
        Thread.sleep(200); // both wait behind the running commit
        firstCommitMayEnd.countDown();
        assertTrue(secondStarted.await(5, TimeUnit.SECONDS));
        assertEquals(Set.of(1, 2), new HashSet<>(batches.get(1)), "one commit took both");
        Thread taken = waiters.stream()
                .filter(waiter -> waiter != secondLeader.get())
                .findFirst()
                .orElseThrow();

        taken.interrupt();
        Thread.sleep(100);
        secondMayEnd.set(true);
        for (Thread waiter : waiters) {
            waiter.join(5000);
        }

        assertEquals("written, interrupted", outcomes.get(taken));
    }

    /** A thread that writes {@code item} and tells how it ended. */
    private static Thread waiter(GroupCommit<Integer> commits, int item, Map<Thread, String> outcomes) {
        Thread waiter = new Thread(() -> {
            String outcome;
            try {
                outcome = (commits.write(item, LONG) ? "written" : "not written")
                        + (Thread.currentThread().isInterrupted() ? ", interrupted" : "");
            } catch (InterruptedException e) {
                outcome = "gave up, interrupted";
            }
            outcomes.put(Thread.currentThread(), outcome);
        });
        waiter.start();
        return waiter;
    }

    @Test
    void idleWorkRunsOnlyWhenNoCommitRanForTheGivenTime() throws Exception {
        long[] now = {1_000_000_000L};
        GroupCommit<Integer> commits = new GroupCommit<>(batch -> new HashSet<>(batch), () -> now[0]);
        commits.write(1, LONG);
        AtomicBoolean ran = new AtomicBoolean();

        commits.whenIdle(TimeUnit.SECONDS.toNanos(1), () -> ran.set(true));
        assertFalse(ran.get(), "a commit ended a moment ago");
        now[0] += TimeUnit.SECONDS.toNanos(1);
        commits.whenIdle(TimeUnit.SECONDS.toNanos(1), () -> ran.set(true));
        assertTrue(ran.get());
    }

    @Test
    void aWaiterWaitsForAThreadThatAnnouncedItselfAndBothShareOneCommit() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(this::recordAll, System::nanoTime, LONG);
        GroupCommit.Coming second = commits.coming();
        Future<Boolean> first = threads.submit(() -> commits.write(1, LONG));
        Thread.sleep(200);
        assertTrue(batches.isEmpty(), "no commit before the announced thread is here: " + batches);

        assertTrue(commits.write(2, LONG, second));

        assertTrue(first.get(5, TimeUnit.SECONDS));
        assertEquals(List.of(List.of(1, 2)), batches);
    }

    @Test
    void anAnnouncedThreadThatLeavesWithoutAnItemNoLongerHoldsTheCommitBack() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(this::recordAll, System::nanoTime, LONG);
        GroupCommit.Coming leaving = commits.coming();
        Future<Boolean> first = threads.submit(() -> commits.write(1, LONG));
        Thread.sleep(200);
        assertTrue(batches.isEmpty(), "the commit waits for the announced thread: " + batches);

        commits.gone(leaving);

        assertTrue(first.get(5, TimeUnit.SECONDS), "written once the announced thread left");
        assertEquals(List.of(List.of(1)), batches);
    }

    @Test
    void anAnnouncedThreadThatNeverComesHoldsTheCommitBackForTheLingerTimeOnly() throws Exception {
        GroupCommit<Integer> commits =
                new GroupCommit<>(this::recordAll, System::nanoTime, TimeUnit.MILLISECONDS.toNanos(50));
        commits.coming(); // never writes, never leaves

        assertTrue(commits.write(1, LONG));
        assertTrue(commits.write(2, LONG));

        assertEquals(List.of(List.of(1), List.of(2)), batches);
    }

    @Test
    void withoutALingerTimeAnAnnouncedThreadIsNotWaitedFor() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>(this::recordAll, System::nanoTime);
        commits.coming();

        assertTrue(commits.write(1, LONG));
        assertEquals(List.of(List.of(1)), batches);
    }

    /** Writes every item of a batch at once. */
    private Set<Integer> recordAll(List<Integer> batch) {
        batches.add(batch);
        return new HashSet<>(batch);
    }
}
