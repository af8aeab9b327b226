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
 * that went away believing it was not. Thread-safe.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {

    /** Writes a batch in one commit; answers which of its items it wrote. */
    @FunctionalInterface
    interface Writer<T> {
        Set<T> write(List<T> batch) throws Exception;
    }

    private static final class Entry<T> {
        final T item;
        boolean taken;
        boolean done;
        boolean written;

        Entry(T item) {
            this.item = item;
        }
    }

    private final Writer<T> writer;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Entry<T>> waiting = new ArrayList<>();
    private boolean writing;
    private int commits;
    private int largest;
    private long lastCommitAt;

    /** {@code nanoClock} is {@code System::nanoTime} but in tests. */
    GroupCommit(Writer<T> writer, LongSupplier nanoClock) {
        this.writer = writer;
        this.nanoClock = nanoClock;
    }

    /**
     * Waits until {@code item} is written, for at most {@code timeoutNanos} unless a commit has taken
     * it meanwhile; answers whether it was written (false: timed out, failed or not written).
     */
    boolean write(T item, long timeoutNanos) throws InterruptedException {
        Entry<T> entry = new Entry<>(item);
        long deadline = nanoClock.getAsLong() + timeoutNanos;
        boolean interrupted = false;
        lock.lock();
        try {
            waiting.add(entry);
            while (!entry.done) {
                if (!writing) {
                    commit();
                    continue;
                }
                long left = deadline - nanoClock.getAsLong();
                if (!entry.taken && left <= 0) {
                    waiting.remove(entry);
                    return false;
                }
                try {
                    // one taken waits for its commit, which the writer's own timeout bounds
                    changed.await(entry.taken ? TimeUnit.MILLISECONDS.toNanos(100) : left, TimeUnit.NANOSECONDS);
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
