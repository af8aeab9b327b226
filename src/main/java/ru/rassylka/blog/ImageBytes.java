package ru.rassylka.blog;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bytes of article images that this instance holds in memory, all within one bound: images kept
 * for the next requests, images being read from the database (counted at the largest size an image
 * may have until they are read) and images being sent. An image held already is shared, never
 * copied. Room is made by forgetting the least recently asked images that nobody is sending; when
 * that is not enough the request is refused with {@link Full}, so however many requests come at
 * once they never hold more than the bound. Images never change under their id, so a kept one needs
 * no invalidation; one deleted meanwhile is no longer asked for and is forgotten in its turn.
 */
final class ImageBytes {

    /** No room for one more image now; the same request shortly will likely succeed. */
    static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("the memory for images is full", null, false, false);
        }
    }

    /** An image's bytes, held until closed: a request closes it once it has sent them. */
    final class Held implements AutoCloseable {

        private final Entry entry;
        private boolean closed;

        private Held(Entry entry) {
            this.entry = entry;
        }

        byte[] bytes() {
            return entry.bytes;
        }

        @Override
        public void close() {
            synchronized (ImageBytes.this) {
                if (!closed) {
                    closed = true;
                    release(entry);
                }
            }
        }
    }

    private static final class Entry {
        byte[] bytes;
        /** What this entry counts in {@link #held}: the largest size while loading, then its real size. */
        long size;

        int senders;
        boolean kept;
    }

    private final long bound;
    private final long largest;
    /** The kept images, the least recently asked first. */
    private final LinkedHashMap<Long, Entry> kept = new LinkedHashMap<>(16, 0.75f, true);

    private long held;

    /** Holds at most {@code bound} bytes of images, none of which has more than {@code largest} bytes. */
    ImageBytes(long bound, long largest) {
        if (largest <= 0 || bound < largest) {
            throw new IllegalArgumentException("a bound of " + bound + " bytes cannot hold an image of " + largest);
        }
        this.bound = bound;
        this.largest = largest;
    }

    /**
     * The image's bytes, kept or loaded (and then kept), held until the returned hold is closed;
     * empty when {@code load} finds no image.
     *
     * @throws Full when this would hold more than the bound
     */
    Optional<Held> hold(long id, Supplier<Optional<byte[]>> load) {
        Entry loading;
        synchronized (this) {
            Entry known = kept.get(id);
            if (known != null) {
                known.senders++;
                return Optional.of(new Held(known));
            }
            makeRoom(largest);
            loading = new Entry();
            loading.size = largest;
            loading.senders = 1;
            held += largest;
        }
        Optional<byte[]> loaded;
        try {
            loaded = load.get();
        } catch (RuntimeException e) {
            synchronized (this) {
                release(loading);
            }
            throw e;
        }
        synchronized (this) {
            return keep(id, loading, loaded);
        }
    }

    /** The bytes now held, kept or being loaded or sent. */
    synchronized long held() {
        return held;
    }

    private Optional<Held> keep(long id, Entry loading, Optional<byte[]> loaded) {
        if (loaded.isEmpty()) {
            release(loading);
            return Optional.empty();
        }
        Entry known = kept.get(id);
        if (known != null) {
            // another request loaded the same image meanwhile: share its bytes, drop these
            release(loading);
            known.senders++;
            return Optional.of(new Held(known));
        }
        byte[] bytes = loaded.get();
        if (bytes.length > loading.size) {
            try {
                makeRoom(bytes.length - loading.size);
            } catch (Full full) {
                release(loading);
                throw full;
            }
        }
        held += bytes.length - loading.size;
        loading.size = bytes.length;
        loading.bytes = bytes;
        loading.kept = true;
        kept.put(id, loading);
        return Optional.of(new Held(loading));
    }

    /** Forgets kept images nobody is sending, the least recently asked first, until {@code size} more bytes fit. */
    private void makeRoom(long size) {
        Iterator<Entry> oldest = kept.values().iterator();
        while (held + size > bound && oldest.hasNext()) {
            Entry entry = oldest.next();
            if (entry.senders == 0) {
                oldest.remove();
                entry.kept = false;
                held -= entry.size;
            }
        }
        if (held + size > bound) {
            throw new Full();
        }
    }

    private void release(Entry entry) {
        entry.senders--;
        if (entry.senders == 0 && !entry.kept) {
            held -= entry.size;
        }
    }
}
