package ru.rassylka.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void nullIsAnEmptyCellAndEveryOtherCellItsTextThatCannotStartAFormula() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(file, "a", "b", "c", "d")) {
            csv.write(null, 42, "=1+2", "Петров, Борис");
        }

        assertEquals("a,b,c,d\r\n,42,'=1+2,\"Петров, Борис\"\r\n", file.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCsvFileTheServiceWritesGoesThroughCsvWriter() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> all =
                    files.filter(path -> path.toString().endsWith(".java")).toList();
            List<String> printers = all.stream()
                    .filter(CsvWriterTest::printsCsv)
                    .map(path -> sources.relativize(path).toString().replace('\\', '/'))
                    .toList();

            assertTrue(all.size() > 100, "the scan finds the sources: " + all.size());
            assertEquals(
                    List.of("ru/rassylka/platform/csv/CsvWriter.java"),
                    printers,
                    "only CsvWriter prints CSV, so that every file keeps the spreadsheet cell rule");
        }
    }

    private static boolean printsCsv(Path source) {
        try {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            return text.contains("CSVPrinter") || text.contains(".print(") && text.contains("CSVFormat");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
