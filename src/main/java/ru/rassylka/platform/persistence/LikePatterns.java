package ru.rassylka.platform.persistence;

import java.util.Locale;

/**
 * Search text as a LIKE pattern in lower case, with its own {@code %}, {@code _} and {@code \}
 * taken literally; queries use it with {@code escape '\'}.
 */
public final class LikePatterns {

    private LikePatterns() {}

    public static String startingWith(String search) {
        return literal(search) + "%";
    }

    public static String containing(String search) {
        return "%" + literal(search) + "%";
    }

    /** The text a search looks for: trimmed and in lower case, as the patterns hold it. */
    static String text(String search) {
        return search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    }

    private static String literal(String search) {
        return text(search).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
