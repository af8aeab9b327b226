package ru.rassylka.testing.server;

import static ru.rassylka.testing.server.Callers.as;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.client.ClientExport;
import ru.rassylka.client.ClientImport;
import ru.rassylka.client.ClientService;
import ru.rassylka.client.ImportJob;

/** Clients of a given owner for in-container tests: each call is made as that owner. */
@Stateless
@PermitAll
public class TestClients {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ClientService clients;

    @EJB
    private ClientImport clientImport;

    public Client create(User owner, String email, String fullName, String comment) {
        return as(owner, () -> clients.create(email, fullName, comment));
    }

    public Client update(User owner, long id, String email, String fullName, String comment) {
        return as(owner, () -> clients.update(id, email, fullName, comment));
    }

    public void delete(User owner, long id) {
        as(owner, () -> clients.delete(id));
    }

    public Optional<Client> find(User owner, long id) {
        return as(owner, () -> clients.find(id));
    }

    public List<Client> page(User owner, String search, String sortField, boolean ascending, int first, int size) {
        return as(owner, () -> clients.page(search, sortField, ascending, first, size));
    }

    public long count(User owner, String search) {
        return as(owner, () -> clients.count(search));
    }

    /** The owner's number of clients as kept in client_count, if a row is kept. */
    public Optional<Long> keptCount(User owner) {
        return em.createNativeQuery("select clients from client_count where owner_id = ?")
                .setParameter(1, owner.getId())
                .getResultStream()
                .findFirst()
                .map(value -> ((Number) value).longValue());
    }

    /** Imports the text as an uploaded file of the owner and answers the job once it has finished. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportJob importCsv(User owner, String csv) {
        try {
            Path file = Files.createTempFile("test-import-", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            ImportJob job =
                    as(owner, () -> clientImport.start(file, file.getFileName().toString()));
            Instant deadline = Instant.now().plusSeconds(60);
            while (job.isRunning() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The export file of the owner, page by page as the download writes it. */
    public String export(User owner) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        as(owner, () -> {
            try {
                ClientExport.write(output, clients::after);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return output.toString(StandardCharsets.UTF_8);
    }
}
