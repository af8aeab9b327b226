package ru.rassylka.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.rassylka.delivery.DeliveryState;
import ru.rassylka.delivery.SkipReason;

class NotReceivedCsvTest {

    @Test
    void aFailedAndASkippedRecipientFollowTheHeader() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (NotReceivedCsv csv = new NotReceivedCsv(file)) {
            csv.write("anna@example.org", "Анна", DeliveryState.FAILED, 1, null, 550, "5.1.1 Mailbox unavailable");
            csv.write(
                    "boris@example.org",
                    "Петров, Борис",
                    DeliveryState.SKIPPED,
                    0,
                    SkipReason.UNSUBSCRIBED,
                    null,
                    null);
        }

        assertEquals(
                "email,full_name,state,attempts,reason,smtp_code,reply\r\n"
                        + "anna@example.org,Анна,FAILED,1,,550,5.1.1 Mailbox unavailable\r\n"
                        + "boris@example.org,\"Петров, Борис\",SKIPPED,0,UNSUBSCRIBED,,\r\n",
                file.toString(StandardCharsets.UTF_8));
    }

    @Test
    void formulaCellsAreExportedAsText() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (NotReceivedCsv csv = new NotReceivedCsv(file)) {
            // a recipient's name and a server's reply are text that others chose
            csv.write(
                    "-a@example.org",
                    "=HYPERLINK(\"http://evil\")",
                    DeliveryState.FAILED,
                    2,
                    null,
                    554,
                    "+CMD|' /C calc'!A0");
            csv.write("@b@example.org", "@SUM(A1)", DeliveryState.FAILED, 1, null, null, "-2 refused\r\nagain");
        }

        assertEquals(
                "email,full_name,state,attempts,reason,smtp_code,reply\r\n"
                        + "'-a@example.org,\"'=HYPERLINK(\"\"http://evil\"\")\",FAILED,2,,554,'+CMD|' /C calc'!A0\r\n"
                        + "'@b@example.org,'@SUM(A1),FAILED,1,,,\"'-2 refused\r\nagain\"\r\n",
                file.toString(StandardCharsets.UTF_8));
    }
}
