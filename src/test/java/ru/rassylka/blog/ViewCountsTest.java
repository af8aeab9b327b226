package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ViewCountsTest {

    private final ViewCounts counts = new ViewCounts();
    /** The article rows as a writer adds to them: id → stored views. */
    private final Map<Long, Long> stored = new ConcurrentHashMap<>();

    private Set<Long> store(SortedMap<Long, Long> views) {
        views.forEach((id, count) -> stored.merge(id, count, Long::sum));
        return Set.of();
    }

    private void count(long id, int views) {
        for (int i = 0; i < views; i++) {
            counts.count(id);
        }
    }

    @Test
    void flushHandsEachArticlesSumInIdOrderOnceAndTheyAreNoLongerUnwritten() {
        count(7, 3);
        count(2, 5);
        List<SortedMap<Long, Long>> handed = new ArrayList<>();

        long written = counts.flush(views -> {
            handed.add(views);
            return store(views);
        });

        assertEquals(8, written);
        assertEquals(List.of(2L, 7L), List.copyOf(handed.get(0).keySet()));
        assertEquals(Map.of(2L, 5L, 7L, 3L), stored);
        assertEquals(0, counts.unwritten(2));
        assertEquals(0, counts.unwritten(7));
        assertEquals(0, counts.flush(views -> {
            handed.add(views);
            return Set.of();
        }));
        assertEquals(1, handed.size(), "nothing unwritten: the writer is not called");
    }

    @Test
    void aFailingWriterKeepsEveryCountForTheNextFlush() {
        count(1, 4);
        count(9, 1);

        assertThrows(
                IllegalStateException.class,
                () -> counts.flush(views -> {
                    throw new IllegalStateException("the database is down");
                }));
        assertTrue(counts.isFailing());
        assertEquals(4, counts.unwritten(1));
        assertEquals(1, counts.unwritten(9));

        count(1, 2);
        assertEquals(7, counts.flush(this::store));
        assertFalse(counts.isFailing());
        assertEquals(Map.of(1L, 6L, 9L, 1L), stored);
        assertEquals(0, counts.unwrittenTotal());
    }

    @Test
    void viewsCountedWhileTheWriterWritesStayForTheNextFlush() {
        count(3, 10);

        counts.flush(views -> {
            count(3, 4);
            return store(views);
        });

        assertEquals(Map.of(3L, 10L), stored);
        assertEquals(4, counts.unwritten(3));
        counts.flush(this::store);
        assertEquals(Map.of(3L, 14L), stored);
    }

    @Test
    void countsOfAnArticleDeletedMeanwhileAreDroppedAndTheOthersWritten() {
        count(4, 2);
        count(5, 3);

        long written = counts.flush(views -> {
            store(views);
            stored.remove(5L);
            return Set.of(5L);
        });

        assertEquals(2, written);
        assertEquals(0, counts.unwritten(5));
        assertEquals(0, counts.unwrittenTotal());
    }

    @Test
    void manyThreadsCountingWhileFlushesRunLoseAndDoubleNothing() throws Exception {
        int threads = 8;
        int viewsEach = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicBoolean counting = new AtomicBoolean(true);
        AtomicInteger flushes = new AtomicInteger();
        try {
            Future<?> flusher = pool.submit(() -> {
                while (counting.get()) {
                    counts.flush(this::store);
                    flushes.incrementAndGet();
                }
            });
            List<Future<?>> viewers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long id = t % 2;
                viewers.add(pool.submit(() -> count(id, viewsEach)));
            }
            for (Future<?> viewer : viewers) {
                viewer.get();
            }
            counting.set(false);
            flusher.get();
        } finally {
            pool.shutdown();
        }
        counts.flush(this::store);

        assertTrue(flushes.get() > 1);
        assertEquals(Map.of(0L, 4L * viewsEach, 1L, 4L * viewsEach), stored);
        assertEquals(0, counts.unwrittenTotal());
    }

    @Test
    void aReadOfStoredPlusUnwrittenWaitsForAFlushInProgressSoNoViewIsShownTwice() throws Exception {
        count(6, 5);
        CountDownLatch writtenNotYetSubtracted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> flush = pool.submit(() -> counts.flush(views -> {
                Set<Long> gone = store(views);
                writtenNotYetSubtracted.countDown();
                sleep(50);
                return gone;
            }));
            writtenNotYetSubtracted.await();

            long shown = counts.steadily(() -> stored.getOrDefault(6L, 0L) + counts.unwritten(6));

            assertEquals(5, shown);
            assertEquals(5, flush.get());
        } finally {
            pool.shutdown();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
