package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPicksTest {

    @Test
    void fewerItemsThanWantedGivesAllPositions() {
        assertEquals(List.of(), RandomPicks.positions(0, 12, new Random(1)));
        assertEquals(List.of(0, 1), RandomPicks.positions(2, 12, new Random(1)));
    }

    @Test
    void positionsAreDistinctSortedAndInRange() {
        List<Integer> positions = RandomPicks.positions(10_000, 12, new Random(7));

        assertEquals(12, positions.size());
        assertEquals(12, new HashSet<>(positions).size());
        assertEquals(positions.stream().sorted().toList(), positions);
        assertTrue(positions.stream().allMatch(position -> position >= 0 && position < 10_000));
    }

    @Test
    void someGivesDistinctItemsOfTheList() {
        List<String> items = List.of("a", "b", "c", "d", "e");

        List<String> picked = RandomPicks.some(items, 3, new Random(3));

        assertEquals(3, Set.copyOf(picked).size());
        assertTrue(items.containsAll(picked));
        assertEquals(List.of("x"), RandomPicks.some(List.of("x"), 3, new Random(3)));
    }

    @Test
    void everyItemIsPickedSometimes() {
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6);
        Set<Integer> seen = new HashSet<>();
        Random random = new Random(11);
        for (int i = 0; i < 50; i++) {
            seen.addAll(RandomPicks.some(items, 3, random));
        }
        assertEquals(Set.copyOf(items), seen);
    }
}
