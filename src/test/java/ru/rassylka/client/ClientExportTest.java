package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientExportTest {

    private final List<Client> stored = IntStream.range(0, 2345)
            .mapToObj(i -> new Client(
                    null,
                    "c" + i + "@example.org",
                    "Клиент, \"" + i + "\"",
                    i % 2 == 0 ? "строка\nвторая" : null,
                    Instant.EPOCH))
            .sorted(Comparator.comparing(Client::getEmail))
            .toList();
    private final List<String> asked = new ArrayList<>();

    private List<Client> after(String email, int size) {
        asked.add(email);
        return stored.stream()
                .filter(client -> email == null || client.getEmail().compareTo(email) > 0)
                .limit(size)
                .toList();
    }

    @Test
    void writesEveryClientPageByPageSoThatTheImportReadsThemBack() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ClientExport.write(output, this::after);

        assertEquals(3, asked.size(), "pages of " + ClientExport.PAGE_SIZE + " until a short one");
        assertEquals(stored.get(ClientExport.PAGE_SIZE - 1).getEmail(), asked.get(1));
        List<ClientRow> read = new ArrayList<>();
        ClientCsvReader.read(new ByteArrayInputStream(output.toByteArray()), read::add, problem -> {
            throw new AssertionError(problem.toString());
        });
        assertEquals(stored.size(), read.size());
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(stored.get(i).getEmail(), read.get(i).email());
            assertEquals(stored.get(i).getFullName(), read.get(i).fullName());
            assertEquals(stored.get(i).getComment(), read.get(i).comment());
        }
    }

    @Test
    void anEmptyListGivesTheHeaderOnly() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ClientExport.write(output, (email, size) -> List.of());

        assertEquals("email,full_name,comment\r\n", output.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
