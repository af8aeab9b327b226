package ru.rassylka.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import ru.rassylka.platform.csv.CsvWriter;

/**
 * Writes the clients export: header {@code email,full_name,comment}, one client a row, so that
 * {@link ClientCsvReader} reads it back unchanged.
 */
public final class ClientCsvWriter implements Closeable {

    private final CsvWriter csv;

    /** Starts the file with its header. Closing the writer closes the stream. */
    public ClientCsvWriter(OutputStream output) throws IOException {
        this.csv = new CsvWriter(output, ClientCsvReader.EMAIL, ClientCsvReader.FULL_NAME, ClientCsvReader.COMMENT);
    }

    /** Writes one client; a {@code null} comment becomes an empty cell, no cell can start a formula. */
    public void write(String email, String fullName, String comment) throws IOException {
        csv.write(email, fullName, comment);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
