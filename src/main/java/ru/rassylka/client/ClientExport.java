package ru.rassylka.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiFunction;

/** Writes all clients of an owner as the CSV the import reads, a page at a time, in e-mail order. */
public final class ClientExport {

    static final int PAGE_SIZE = 1000;

    private ClientExport() {}

    /**
     * Writes the file; {@code after} answers the next page after an e-mail ({@code null}: from the
     * start), so no more than one page is in memory. Closes the stream.
     */
    public static void write(OutputStream output, BiFunction<String, Integer, List<Client>> after) throws IOException {
        try (ClientCsvWriter writer = new ClientCsvWriter(output)) {
            String last = null;
            List<Client> page;
            do {
                page = after.apply(last, PAGE_SIZE);
                for (Client client : page) {
                    writer.write(client.getEmail(), client.getFullName(), client.getComment());
                }
                last = page.isEmpty() ? last : page.get(page.size() - 1).getEmail();
            } while (page.size() == PAGE_SIZE);
        }
    }
}
