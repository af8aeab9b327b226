package ru.rassylka.stats;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.SkipReason;
import ru.rassylka.platform.csv.CsvWriter;

/**
 * The file of who did not receive a run: one row per failed or skipped delivery with the last
 * reason. Names and reply texts come from others, so its cells follow the service's CSV rule.
 */
final class NotReceivedCsv implements Closeable {

    private final CsvWriter csv;

    /** Starts the file with its header. Closing it closes the stream. */
    NotReceivedCsv(OutputStream output) throws IOException {
        this.csv = new CsvWriter(output, "email", "full_name", "state", "attempts", "reason", "smtp_code", "reply");
    }

    void write(Delivery delivery) throws IOException {
        write(
                delivery.getEmail(),
                delivery.getFullName(),
                delivery.getState(),
                delivery.getAttempts(),
                delivery.getReason(),
                delivery.getLastCode(),
                delivery.getLastReply());
    }

    /** One row; what is unknown stays an empty cell. */
    void write(
            String email,
            String fullName,
            DeliveryState state,
            int attempts,
            SkipReason reason,
            Integer code,
            String reply)
            throws IOException {
        csv.write(email, fullName, state, attempts, reason, code, reply);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
