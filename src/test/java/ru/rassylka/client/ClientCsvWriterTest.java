package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCsvWriterTest {

    private static byte[] export(List<ClientRow> clients) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ClientCsvWriter writer = new ClientCsvWriter(output)) {
            for (ClientRow client : clients) {
                writer.write(client.email(), client.fullName(), client.comment());
            }
        }
        return output.toByteArray();
    }

    private static List<ClientRow> readBack(byte[] file) throws IOException {
        List<ClientRow> rows = new ArrayList<>();
        ClientCsvReader.read(new ByteArrayInputStream(file), rows::add, problem -> {
            throw new AssertionError(problem.toString());
        });
        return rows;
    }

    @Test
    void theExportStartsWithTheHeaderAndQuotesOnlyWhereNeeded() throws IOException {
        byte[] file = export(List.of(
                new ClientRow(0, "a@example.org", "Анна", null),
                new ClientRow(0, "b@example.org", "Петров, Борис", "сказал \"да\"")));

        assertEquals(
                "email,full_name,comment\r\n"
                        + "a@example.org,Анна,\r\n"
                        + "b@example.org,\"Петров, Борис\",\"сказал \"\"да\"\"\"\r\n",
                new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void anExportReadsBackExactly() throws IOException {
        List<ClientRow> clients = List.of(
                new ClientRow(2, "ivan@example.ru", "Иван Петров", null),
                new ClientRow(3, "boris@example.ru", "Петров, Борис \"Боб\"", "VIP; звонить\nпосле 18:00, \"срочно\""),
                new ClientRow(5, "anna@example.ru", "Анна-Мария Ё. Щукина", "многострочный\r\nкомментарий"),
                new ClientRow(7, "quote@example.ru", "\"", ","));

        assertEquals(clients, readBack(export(clients)));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreExportedAsText() throws IOException {
        byte[] file = export(List.of(
                new ClientRow(0, "-a@example.org", "=HYPERLINK(\"http://evil\")", "+1"),
                new ClientRow(0, "@b@example.org", "Анна", "-2")));

        assertEquals(
                "email,full_name,comment\r\n"
                        + "'-a@example.org,\"'=HYPERLINK(\"\"http://evil\"\")\",'+1\r\n"
                        + "'@b@example.org,Анна,'-2\r\n",
                new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void formulaLikeValuesAndApostrophesReadBackExactly() throws IOException {
        List<ClientRow> clients = List.of(
                new ClientRow(2, "-ivan@example.ru", "=1+2", "@SUM(A1)"),
                new ClientRow(3, "o'neil@example.ru", "'=already quoted", "'plain apostrophe"),
                new ClientRow(4, "anna@example.ru", "''+two quotes", "'"));

        assertEquals(clients, readBack(export(clients)));
    }
}
