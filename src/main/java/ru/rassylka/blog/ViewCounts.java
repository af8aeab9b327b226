package ru.rassylka.blog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Views of published articles counted on this instance and not yet written to the database.
 * Counting takes no lock and touches no row, so concurrent views of one article never wait for
 * each other; {@link #flush} adds the sums to the articles in one short write about every second
 * ({@link ViewFlush}). Instances on one database each write only their own views, so the sums add
 * up. Holds one small counter per article viewed since the start.
 */
@ApplicationScoped
public class ViewCounts {

    private final ConcurrentHashMap<Long, LongAdder> counts = new ConcurrentHashMap<>();
    /** Readers of "stored plus unwritten" never see a flush between its commit and its subtraction. */
    private final ReadWriteLock flushing = new ReentrantReadWriteLock();

    private volatile boolean failing;

    /** One view of a published article. */
    void count(long id) {
        counts.computeIfAbsent(id, any -> new LongAdder()).increment();
    }

    /** Views of the article counted here and not yet written. */
    public long unwritten(long id) {
        LongAdder count = counts.get(id);
        return count == null ? 0 : count.sum();
    }

    /**
     * Runs a read of stored view counts that adds {@link #unwritten} ones to them, never while a
     * flush is under way, so that the sum neither misses nor doubles a view of this instance.
     */
    <T> T steadily(Supplier<T> read) {
        flushing.readLock().lock();
        try {
            return read.get();
        } finally {
            flushing.readLock().unlock();
        }
    }

    /**
     * Hands the unwritten counts, in the order of the article ids, to {@code writer}, which adds
     * them to the articles in one transaction and answers the ids that matched no article (deleted
     * meanwhile: their counts are dropped). Once the writer returns, the written views are no
     * longer unwritten; views counted meanwhile stay. If the writer fails, every count stays for
     * the next flush. Answers the number of views written to articles.
     */
    long flush(Function<SortedMap<Long, Long>, Set<Long>> writer) {
        flushing.writeLock().lock();
        try {
            SortedMap<Long, Long> due = new TreeMap<>();
            counts.forEach((id, count) -> {
                long views = count.sum();
                if (views > 0) {
                    due.put(id, views);
                }
            });
            Set<Long> gone;
            try {
                gone = due.isEmpty() ? Set.of() : writer.apply(due);
            } catch (RuntimeException e) {
                failing = true;
                throw e;
            }
            failing = false;
            due.forEach((id, views) -> counts.get(id).add(-views));
            gone.forEach(counts::remove);
            return due.entrySet().stream()
                    .filter(written -> !gone.contains(written.getKey()))
                    .mapToLong(written -> written.getValue())
                    .sum();
        } finally {
            flushing.writeLock().unlock();
        }
    }

    /** Whether the last flush failed. */
    boolean isFailing() {
        return failing;
    }

    /** All views counted here and not yet written. */
    long unwrittenTotal() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
