package ru.rassylka.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * A migration that has landed is never edited: Flyway keeps each applied migration's checksum and
 * refuses to start a database migrated before the edit. The checksums of all landed migrations are
 * pinned in {@code src/test/resources/migration-checksums.txt}, computed as Flyway computes them.
 */
class MigrationChecksumsTest {

    private static final String PINNED = "migration-checksums.txt";

    @Test
    void everyLandedMigrationKeepsItsChecksum() throws Exception {
        List<String> problems = problems(migrations(), pinned());

        assertEquals("", String.join("\n", problems));
    }

    @Test
    void anEditedMigrationIsNamed() {
        List<String> problems =
                problems(Map.of("db/migration/V9__statistics.sql", 2), Map.of("db/migration/V9__statistics.sql", 1));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith("db/migration/V9__statistics.sql changed after it landed"), problems.get(0));
    }

    @Test
    void aNewMigrationWithoutAPinnedChecksumAsksForItsLine() {
        List<String> problems = problems(
                Map.of("db/migration/V1__a.sql", 1, "db/migration/V13__new.sql", -5),
                Map.of("db/migration/V1__a.sql", 1));

        assertEquals(
                List.of("db/migration/V13__new.sql has no pinned checksum: add the line"
                        + " \"db/migration/V13__new.sql -5\" to src/test/resources/" + PINNED),
                problems);
    }

    @Test
    void aRemovedMigrationIsNamed() {
        List<String> problems = problems(Map.of(), Map.of("db/vendor/postgresql/V4_1__x.sql", 7));

        assertEquals(
                List.of("db/vendor/postgresql/V4_1__x.sql was removed after it landed: databases that applied it"
                        + " refuse to start; bring it back"),
                problems);
    }

    @Test
    void theChecksumIsFlywaysCrcOfTheLines() {
        // Flyway reads lines: the byte-order mark and the kind of line break do not count
        assertEquals(
                checksum("create table a (id int);\nselect 1;\n"),
                checksum("\uFEFFcreate table a (id int);\r\nselect 1;"));
    }

    /** What differs between the migrations and the pinned checksums, one sentence each. */
    static List<String> problems(Map<String, Integer> migrations, Map<String, Integer> pinned) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(migrations).forEach((file, checksum) -> {
            Integer landed = pinned.get(file);
            if (landed == null) {
                problems.add(file + " has no pinned checksum: add the line \"" + file + " " + checksum
                        + "\" to src/test/resources/" + PINNED);
            } else if (landed.intValue() != checksum) {
                problems.add(
                        file + " changed after it landed (checksum " + checksum + ", pinned " + landed
                                + "): databases that applied it refuse to start; undo the edit and add a new migration instead");
            }
        });
        new TreeMap<>(pinned)
                .keySet().stream()
                        .filter(file -> !migrations.containsKey(file))
                        .forEach(
                                file -> problems.add(
                                        file
                                                + " was removed after it landed: databases that applied it refuse to start; bring it back"));
        return problems;
    }

    /** Flyway's checksum of a SQL migration: CRC32 of its lines in UTF-8, without line breaks and byte-order mark. */
    static int checksum(String script) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(script))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (int) crc.getValue();
    }

    /** Every migration the service ships (the common ones and each database's own), by path under the classpath root. */
    private static Map<String, Integer> migrations() throws IOException, URISyntaxException {
        Path root =
                Path.of(MigrationChecksumsTest.class.getResource("/db").toURI()).getParent();
        Map<String, Integer> checksums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("db"))) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".sql"))
                    .toList()) {
                checksums.put(
                        root.relativize(file).toString().replace('\\', '/'),
                        checksum(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertTrue(checksums.containsKey("db/migration/V1__accounts.sql"), checksums.toString());
        return checksums;
    }

    private static Map<String, Integer> pinned() throws IOException {
        Map<String, Integer> pinned = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(new java.io.InputStreamReader(
                MigrationChecksumsTest.class.getResourceAsStream("/" + PINNED), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.strip().split("\\s+");
                    pinned.put(fields[0], Integer.parseInt(fields[1]));
                }
            }
        }
        return pinned;
    }
}
