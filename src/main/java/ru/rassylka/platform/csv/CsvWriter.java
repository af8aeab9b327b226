package ru.rassylka.platform.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV file the service writes: UTF-8, comma-separated, the header first, fields quoted where
 * needed, and no cell that a spreadsheet would run as a formula ({@link SpreadsheetCells}).
 */
public final class CsvWriter implements Closeable {

    private final CSVPrinter printer;

    /** Starts the file with its header. Closing the writer closes the stream. */
    public CsvWriter(OutputStream output, String... header) throws IOException {
        this.printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(header)
                .get()
                .print(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)));
    }

    /** One row; {@code null} is an empty cell, anything else its text, which cannot start a formula. */
    public void write(Object... cells) throws IOException {
        String[] texts = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            texts[i] = cells[i] == null ? null : SpreadsheetCells.neutralise(cells[i].toString());
        }
        printer.printRecord((Object[]) texts);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
