package ru.rassylka.delivery.bounce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The expected reading of each bounce fixture, from {@code labels.tsv}: one line per file with
 * tab-separated file name, recipient ({@code -} when none), class ({@code hard}, {@code soft},
 * {@code complaint}, {@code auto-reply}, {@code not-a-report}), status code ({@code -} when none)
 * and a free note (where the label comes from); lines starting with # are comments.
 */
final class FixtureLabels {

    record Label(String file, String recipient, BounceClass kind, String statusCode, String note) {}

    private FixtureLabels() {}

    static Map<String, Label> read(Path file) throws IOException {
        Map<String, Label> labels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < 4) {
                throw new IllegalArgumentException("a label needs file, recipient, class and status: " + line);
            }
            labels.put(
                    cells[0],
                    new Label(
                            cells[0],
                            orNull(cells[1]),
                            BounceClass.valueOf(
                                    cells[2].strip().toUpperCase(Locale.ROOT).replace('-', '_')),
                            orNull(cells[3]),
                            cells.length > 4 ? cells[4] : ""));
        }
        return labels;
    }

    private static String orNull(String cell) {
        String s = cell.strip();
        return s.isEmpty() || s.equals("-") ? null : s;
    }
}
