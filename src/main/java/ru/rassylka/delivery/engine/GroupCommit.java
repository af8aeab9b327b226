package ru.rassylka.delivery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Writes items that threads wait for in shared commits: a thread hands in its item and waits until a
 * commit has written it. The first waiter that finds no commit under way writes everything waiting
 * at once, so while one commit runs, the items of the threads that came meanwhile gather for the next.
 * A waiter gives up after its timeout, or when interrupted, unless its item is being written: then it
 * learns the outcome (interrupted, it keeps its interrupt), so an item is never written for a waiter
 * that went away believing it was not. A thread may announce that it will hand in an item soon
 * ({@link #coming}): a waiter that finds no commit under way then waits up to the linger time for the
 * announced ones, so that threads working in step share a commit rather than make one each. Thread-safe.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {

    /** Writes a batch in one commit; answers which of its items it wrote. */
    @FunctionalInterface
    interface Writer<T> {
        Set<T> write(List<T> batch) throws Exception;
    }

    /** A thread that is to hand in an item soon, until it does ({@link #write}) or {@link #gone}. */
    static final class Coming {
        private boolean counted = true;
    }

    private static final class Entry<T> {
        final T item;
        final long since;
        boolean taken;
        boolean done;
        boolean written;

        Entry(T item, long since) {
            this.item = item;
            this.since = since;
        }
    }

    private final Writer<T> writer;
    private final LongSupplier nanoClock;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Entry<T>> waiting = new ArrayList<>();
    private boolean writing;
    private int commits;
    private int largest;
    private long lastCommitAt;
    /** The threads announced and not yet here. */
    private int expected;

    /** {@code nanoClock} is {@code System::nanoTime} but in tests; announced threads are not waited for. */
    GroupCommit(Writer<T> writer, LongSupplier nanoClock) {
        this(writer, nanoClock, 0);
    }

    /**
     * @param lingerNanos how long after the first item waits a commit may wait for announced threads
     */
    GroupCommit(Writer<T> writer, LongSupplier nanoClock, long lingerNanos) {
        this.writer = writer;
        this.nanoClock = nanoClock;
        this.lingerNanos = lingerNanos;
    }

    /** Announces that the calling thread will hand in an item soon: {@link #write} it or call {@link #gone}. */
    Coming coming() {
        lock.lock();
        try {
            expected++;
            return new Coming();
        } finally {
            lock.unlock();
        }
    }

    /** The announced thread will not hand in an item after all, or has done so; a commit no longer waits for it. */
    void gone(Coming coming) {
        lock.lock();
        try {
            if (arrived(coming)) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Counts the announced thread as here; false if it was already. Called with the lock held. */
    private boolean arrived(Coming coming) {
        if (coming == null || !coming.counted) {
            return false;
        }
        coming.counted = false;
        expected--;
        return true;
    }

    /** {@link #write(Object, long, Coming)} of a thread that did not announce itself. */
    boolean write(T item, long timeoutNanos) throws InterruptedException {
        return write(item, timeoutNanos, null);
    }

    /**
     * Waits until {@code item} is written, for at most {@code timeoutNanos} unless a commit has taken
     * it meanwhile; answers whether it was written (false: timed out, failed or not written).
     */
    boolean write(T item, long timeoutNanos, Coming coming) throws InterruptedException {
        long now = nanoClock.getAsLong();
        Entry<T> entry = new Entry<>(item, now);
        long deadline = now + timeoutNanos;
        boolean interrupted = false;
        lock.lock();
        try {
            arrived(coming);
            waiting.add(entry);
            while (!entry.done) {
                long lingering = waiting.isEmpty() ? 0 : waiting.get(0).since + lingerNanos - nanoClock.getAsLong();
                if (!writing && (expected == 0 || lingering <= 0)) {
                    commit();
                    continue;
                }
                long left = deadline - nanoClock.getAsLong();
                if (!entry.taken && left <= 0) {
                    waiting.remove(entry);
                    return false;
                }
                try {
                    // one taken waits for its commit, which the writer's own timeout bounds; with no commit under
                    // way, the announced threads are waited for until the linger time has passed
                    long wait = entry.taken
                            ? TimeUnit.MILLISECONDS.toNanos(100)
                            : writing ? left : Math.min(left, lingering);
                    changed.await(wait, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    if (!entry.taken) {
                        waiting.remove(entry);
                        throw e;
                    }
                    // the commit that took it may act on it for the waiter: the waiter learns the outcome all the same
                    interrupted = true;
                }
            }
            return entry.written;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes all that waits, outside the lock; called with the lock held. */
    private void commit() {
        List<Entry<T>> batch = new ArrayList<>(waiting);
        waiting.clear();
        batch.forEach(entry -> entry.taken = true);
        writing = true;
        Set<T> written = Set.of();
        lock.unlock();
        try {
            written = writer.write(batch.stream().map(entry -> entry.item).toList());
        } catch (Exception e) {
            // none of the batch is written: each waiter learns it and withholds its e-mail
        } finally {
            lock.lock();
            for (Entry<T> entry : batch) {
                entry.written = written.contains(entry.item);
                entry.done = true;
            }
            commits++;
            lastCommitAt = nanoClock.getAsLong();
            largest = Math.max(largest, batch.size());
            writing = false;
            changed.signalAll();
        }
    }

    /**
     * Runs {@code task} (e.g. giving back the writer's connection) unless a commit runs, an item waits
     * or the last commit ended less than {@code idleNanos} ago; no commit starts while it runs.
     */
    void whenIdle(long idleNanos, Runnable task) {
        lock.lock();
        try {
            if (writing || !waiting.isEmpty() || nanoClock.getAsLong() - lastCommitAt < idleNanos) {
                return;
            }
            task.run();
        } finally {
            lock.unlock();
        }
    }

    /** How many commits were made so far. */
    int commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /** The most items one commit wrote so far. */
    int largest() {
        lock.lock();
        try {
            return largest;
        } finally {
            lock.unlock();
        }
    }
}
