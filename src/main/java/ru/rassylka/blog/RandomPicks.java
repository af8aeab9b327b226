package ru.rassylka.blog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Random choices without repetition: positions among {@code count} and items of a list. */
final class RandomPicks {

    private RandomPicks() {}

    /** Up to {@code wanted} distinct positions in {@code [0, count)}, in ascending order. */
    static List<Integer> positions(long count, int wanted, Random random) {
        if (count <= wanted) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(i);
            }
            return all;
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        int bound = (int) Math.min(count, Integer.MAX_VALUE);
        while (chosen.size() < wanted) {
            chosen.add(random.nextInt(bound));
        }
        return new ArrayList<>(chosen);
    }

    /** Up to {@code wanted} distinct items of the list, in random order. */
    static <T> List<T> some(List<T> items, int wanted, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(wanted, copy.size())));
    }
}
