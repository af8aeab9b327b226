package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReturnPathTokensOnManyThreadsTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 2_000;

    @Test
    void tokensMadeAtOnceOnSeveralThreadsAreTheSameAsOnOneAndVerifyOnAnyThread() throws Exception {
        ReturnPathTokens tokens =
                new ReturnPathTokens("a key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII));
        Map<Long, String> made = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long first = 1 + (long) t * PER_THREAD;
                done.add(pool.submit(() -> {
                    start.await();
                    for (long id = first; id < first + PER_THREAD; id++) {
                        String token = tokens.tokenFor(id);
                        made.put(id, token);
                        assertEquals(OptionalLong.of(id), tokens.deliveryOf(token));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(THREADS * PER_THREAD, made.size());
        made.forEach((id, token) -> {
            assertEquals(tokens.tokenFor(id), token);
            assertEquals(OptionalLong.of(id), tokens.deliveryOf(token));
        });
    }
}
