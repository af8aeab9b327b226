package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ImageBytesTest {

    private static final int LARGEST = 100;
    private static final int BOUND = 350;

    private final ImageBytes memory = new ImageBytes(BOUND, LARGEST);
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<Optional<byte[]>> image(int size) {
        return () -> {
            loads.incrementAndGet();
            return Optional.of(new byte[size]);
        };
    }

    @Test
    void requestsHoldingImagesNeverHoldMoreThanTheBoundAndTheNextOneIsRefused() {
        List<ImageBytes.Held> sending = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            sending.add(memory.hold(id, image(LARGEST)).orElseThrow());
            assertTrue(memory.held() <= BOUND, memory.held() + " bytes held");
        }

        assertThrows(ImageBytes.Full.class, () -> memory.hold(4, image(LARGEST)));
        assertEquals(300, memory.held(), "a refused request holds nothing");
        assertEquals(3, loads.get(), "a refused request does not read the database");
    }

    @Test
    void aSentImageStaysKeptAndIsForgottenLeastRecentlyAskedFirstWhenRoomIsNeeded() {
        for (long id = 1; id <= 3; id++) {
            memory.hold(id, image(LARGEST)).orElseThrow().close();
        }
        memory.hold(1, image(LARGEST)).orElseThrow().close();
        assertEquals(3, loads.get(), "image 1 was kept");

        memory.hold(4, image(LARGEST)).orElseThrow().close();
        assertEquals(300, memory.held());

        memory.hold(1, image(LARGEST)).orElseThrow().close();
        memory.hold(3, image(LARGEST)).orElseThrow().close();
        assertEquals(4, loads.get(), "1 and 3 were kept");
        memory.hold(2, image(LARGEST)).orElseThrow().close();
        assertEquals(5, loads.get(), "2, the least recently asked, was forgotten for 4");
    }

    @Test
    void requestsForAKeptImageShareItsBytesWithoutCountingThemAgain() {
        ImageBytes.Held first = memory.hold(1, image(80)).orElseThrow();
        ImageBytes.Held second = memory.hold(1, image(80)).orElseThrow();

        assertSame(first.bytes(), second.bytes());
        assertEquals(80, memory.held());
        assertEquals(1, loads.get());
    }

    @Test
    void anImageBeingLoadedCountsAsTheLargestUntilItsBytesAreIn() {
        AtomicLong heldDuringLoad = new AtomicLong();
        memory.hold(1, () -> {
                    heldDuringLoad.set(memory.held());
                    return Optional.of(new byte[10]);
                })
                .orElseThrow()
                .close();

        assertEquals(LARGEST, heldDuringLoad.get());
        assertEquals(10, memory.held());
    }

    @Test
    void anImageBeingSentIsNotForgottenForRoom() {
        ImageBytes.Held sending = memory.hold(1, image(LARGEST)).orElseThrow();
        memory.hold(2, image(LARGEST)).orElseThrow().close();
        memory.hold(3, image(LARGEST)).orElseThrow().close();

        memory.hold(4, image(LARGEST)).orElseThrow().close();
        assertEquals(300, memory.held());
        memory.hold(1, image(LARGEST)).orElseThrow().close();
        assertEquals(4, loads.get(), "1 was being sent, so 2 was forgotten instead");
        sending.close();
        sending.close();
        assertEquals(300, memory.held(), "closing twice releases once");
    }

    @Test
    void aMissingOrFailingLoadHoldsNothing() {
        assertEquals(Optional.empty(), memory.hold(1, Optional::empty));
        assertThrows(
                IllegalStateException.class,
                () -> memory.hold(2, () -> {
                    throw new IllegalStateException("database down");
                }));

        assertEquals(0, memory.held());
    }

    @Test
    void manyConcurrentRequestsForManyImagesNeverHoldMoreThanTheBound() throws Exception {
        AtomicLong most = new AtomicLong();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                long id = ThreadLocalRandom.current().nextLong(20);
                requests.add(pool.submit(() -> {
                    try (ImageBytes.Held held = memory.hold(id, () -> {
                                most.accumulateAndGet(memory.held(), Math::max);
                                return Optional.of(new byte[(int) (id * 5)]);
                            })
                            .orElseThrow()) {
                        most.accumulateAndGet(memory.held(), Math::max);
                        assertEquals(id * 5, held.bytes().length);
                    } catch (ImageBytes.Full full) {
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
        } finally {
            pool.shutdown();
        }

        assertTrue(most.get() <= BOUND, most.get() + " bytes held at most, " + refused.get() + " requests refused");
        assertTrue(memory.held() <= BOUND);
    }
}
