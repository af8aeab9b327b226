package ru.rassylka.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * The strings that start with a search text, as the range {@code from <= s < to} in code point
 * order (the order of PostgreSQL's pattern operator classes). LIKE 'text%' finds its index only
 * when the text is a constant; this range uses the index also as a parameter of a prepared
 * statement in its generic plan. The text is the one of {@link LikePatterns#startingWith}.
 *
 * @param from the trimmed, lower-case search text
 * @param to the smallest string after every string that starts with it
 */
public record PrefixRange(String from, String to) {

    /**
     * The range of a search text where the database's pattern indexes serve it (PostgreSQL); none
     * where a LIKE must do (the embedded H2), as for {@link #of}.
     */
    public static Optional<PrefixRange> forIndex(EntityManager em, String search) {
        return Databases.isPostgresql(em) ? of(search) : Optional.empty();
    }

    /** The range of a search text; none for an empty text, or one of U+10FFFF only (no string follows it). */
    public static Optional<PrefixRange> of(String search) {
        String text = LikePatterns.text(search);
        int[] codePoints = text.codePoints().toArray();
        for (int last = codePoints.length - 1; last >= 0; last--) {
            int next = codePoints[last] + 1;
            if (next == Character.MIN_SURROGATE) {
                // surrogates are no characters of their own: U+D7FF is followed by U+E000
                next = Character.MAX_SURROGATE + 1;
            }
            if (next <= Character.MAX_CODE_POINT) {
                return Optional.of(new PrefixRange(text, new String(codePoints, 0, last) + Character.toString(next)));
            }
        }
        return Optional.empty();
    }
}
