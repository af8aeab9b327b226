package ru.rassylka.client;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the clients export: UTF-8, comma-separated, header {@code email,full_name,comment},
 * fields quoted where needed, so that {@link ClientCsvReader} reads it back unchanged.
 */
public final class ClientCsvWriter implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(ClientCsvReader.EMAIL, ClientCsvReader.FULL_NAME, ClientCsvReader.COMMENT)
            .get();

    private final CSVPrinter printer;

    /** Starts the file with its header. Closing the writer closes the stream. */
    public ClientCsvWriter(OutputStream output) throws IOException {
        this.printer = FORMAT.print(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)));
    }

    /** Writes one client; a {@code null} comment becomes an empty cell, no cell can start a formula. */
    public void write(String email, String fullName, String comment) throws IOException {
        printer.printRecord(SpreadsheetCells.neutralise(email), SpreadsheetCells.neutralise(fullName),
                SpreadsheetCells.neutralise(comment));
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
