package ru.rassylka.testing.server;

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
import java.util.List;
import java.util.Optional;
import ru.rassylka.account.User;
import ru.rassylka.client.Client;
import ru.rassylka.client.ClientExport;
import ru.rassylka.client.ClientImport;
import ru.rassylka.client.ClientService;
import ru.rassylka.client.ImportJob;

/** Clients of a given owner for in-container tests, which run without a logged-in caller. */
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
        return clients.create(managed(owner), email, fullName, comment);
    }

    public Client update(User owner, long id, String email, String fullName, String comment) {
        return clients.update(managed(owner), id, email, fullName, comment);
    }

    public void delete(User owner, long id) {
        clients.delete(managed(owner), id);
    }

    public Optional<Client> find(User owner, long id) {
        return clients.find(managed(owner), id);
    }

    public List<Client> page(User owner, String search, String sortField, boolean ascending, int first, int size) {
        return clients.page(managed(owner), search, sortField, ascending, first, size);
    }

    public long count(User owner, String search) {
        return clients.count(managed(owner), search);
    }

    /** The owner's number of clients as kept in client_count, if a row is kept. */
    public Optional<Long> keptCount(User owner) {
        return em.createNativeQuery("select clients from client_count where owner_id = ?").setParameter(1, owner.getId())
                .getResultStream().findFirst().map(value -> ((Number) value).longValue());
    }

    /** Imports the text as an uploaded file and answers the finished job. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportJob importCsv(User owner, String csv) {
        try {
            Path file = Files.createTempFile("test-import-", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            ImportJob job = new ImportJob(owner.getId(), file.getFileName().toString());
            clientImport.run(job, file);
            Files.delete(file);
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export file of the owner, page by page as the download writes it. */
    public String export(User owner) {
        User managed = managed(owner);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            ClientExport.write(output, (after, size) -> clients.after(managed, after, size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    private User managed(User owner) {
        return em.find(User.class, owner.getId());
    }
}
