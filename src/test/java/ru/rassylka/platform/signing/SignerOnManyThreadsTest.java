package ru.rassylka.platform.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignerOnManyThreadsTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 2_000;

    @Test
    void signaturesMadeAtOnceOnSeveralThreadsAreTheSameAsOnOneAndVerifyOnAnyThread() throws Exception {
        Signer current = new Signer(bytes("the key after the rotation, 32 b+"), "", 16);
        Signer previous = new Signer(bytes("the key before the rotation, 32+"), "", 16);
        Signer withPurpose = new Signer(bytes("a key of thirty-two bytes or more!"), "return-path:", 8);
        Map<Long, byte[]> made = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long first = 1 + (long) t * PER_THREAD;
                done.add(pool.submit(() -> {
                    start.await();
                    for (long id = first; id < first + PER_THREAD; id++) {
                        byte[] data = data(id);
                        byte[] signature = current.signature(data);
                        made.put(id, signature);
                        assertTrue(current.signs(data, signature));
                        assertFalse(previous.signs(data, signature));
                        assertTrue(previous.signs(data, previous.signature(data)));
                        assertTrue(withPurpose.signs(data, withPurpose.signature(data)));
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
        made.forEach((id, signature) -> {
            assertArrayEquals(current.signature(data(id)), signature);
            assertTrue(current.signs(data(id), signature));
        });
    }

    private static byte[] data(long id) {
        return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
