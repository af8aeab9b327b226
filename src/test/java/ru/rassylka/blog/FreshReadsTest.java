package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A load that read the database before an unpublish committed races the emptying that follows the
 * commit; these tests put the change at each point of the load, as threads could.
 */
class FreshReadsTest {

    /** A cache as a plain map, with an optional action right after each put (another thread's turn). */
    private static final class MapEntries<K, V> implements FreshReads.Entries<K, V> {
        final Map<K, V> map = new HashMap<>();
        Runnable afterPut = () -> {};

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public void put(K key, V value) {
            map.put(key, value);
            afterPut.run();
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }
    }

    private final MapEntries<String, Long> generations = new MapEntries<>();
    private final FreshReads reads = new FreshReads(generations);
    private final MapEntries<Long, String> articles = new MapEntries<>();
    /** The article as the database has it: published (its title) or not (empty). */
    private Optional<String> stored = Optional.of("Old title");

    private void unpublish() {
        stored = Optional.empty();
        reads.changed(() -> articles.remove(7L));
    }

    @Test
    void aLoadThatReadTheArticleBeforeItsUnpublishCommittedDoesNotPutItBackAfterTheEmptying() {
        Optional<String> shown = reads.find(articles, 7L, () -> {
            Optional<String> read = stored;
            unpublish();
            return read;
        });

        assertEquals(Optional.of("Old title"), shown, "the request itself still shows what it read");
        assertFalse(articles.map.containsKey(7L), "the unpublished article came back into the cache: " + articles.map);
        assertEquals(Optional.empty(), reads.find(articles, 7L, () -> stored));
    }

    @Test
    void anUnpublishWhoseEmptyingFollowsTheLoadsPutLeavesNothing() {
        articles.afterPut = () -> {
            articles.afterPut = () -> {};
            unpublish();
        };

        reads.find(articles, 7L, () -> stored);

        assertFalse(articles.map.containsKey(7L), articles.map.toString());
    }

    @Test
    void aPageLoadedBeforeAnUnpublishIsNotKeptAfterIt() {
        MapEntries<Integer, String> pages = new MapEntries<>();
        String page = reads.get(pages, 1, () -> {
            String read = "page with Old title";
            stored = Optional.empty();
            reads.changed(() -> pages.map.clear());
            return read;
        });

        assertEquals("page with Old title", page);
        assertTrue(pages.map.isEmpty(), pages.map.toString());
    }

    @Test
    void aLoadWithoutAChangeDuringItStaysCachedAndTheNextReadDoesNotLoad() {
        assertEquals(Optional.of("Old title"), reads.find(articles, 7L, () -> stored));
        reads.changed(() -> {});

        assertEquals(Optional.of("Old title"), reads.find(articles, 7L, () -> {
            throw new AssertionError("loaded again although cached");
        }));
    }

    @Test
    void aMissingArticleIsNotCached() {
        stored = Optional.empty();

        assertEquals(Optional.empty(), reads.find(articles, 7L, () -> stored));

        assertTrue(articles.map.isEmpty());
    }
}
