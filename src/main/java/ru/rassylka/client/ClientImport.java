package ru.rassylka.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.client.suppression.Suppressions;
import ru.rassylka.platform.BusinessException;

/**
 * Imports a CSV file of clients in the background. The file is read twice: first to refuse a
 * broken file before anything is stored, then to store the good rows in batches that commit one
 * by one, so a large file neither holds a transaction nor the request for long.
 */
@Stateless
@RolesAllowed(Role.Names.USER)
public class ClientImport {

    static final int BATCH_SIZE = 1000;

    @Inject
    private Accounts accounts;

    @Inject
    private ClientImportJobs jobs;

    @EJB
    private ClientBulkInsert bulkInsert;

    @Inject
    private Suppressions suppressions;

    @EJB
    private ClientImport self;

    @Inject
    private Logger logger;

    /**
     * Starts importing the file (which the import deletes when done) for the caller and answers
     * the job to follow. Refused while another import of the caller runs.
     */
    public ImportJob start(Path file, String fileName) {
        User owner = accounts.getCurrent();
        ImportJob job = new ImportJob(owner.getId(), fileName);
        if (!jobs.add(job)) {
            deleteQuietly(file);
            throw new BusinessException("clients.import.alreadyRunning");
        }
        self.runInBackground(job, file);
        return job;
    }

    /** The caller's import; another owner's job id finds nothing. */
    public Optional<ImportJob> find(UUID id) {
        return jobs.find(accounts.getCurrent().getId(), id);
    }

    /** Runs as the caller of {@link #start}, whose identity the container carries over. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runInBackground(ImportJob job, Path file) {
        try {
            run(job, file);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Imports the file into the caller's clients, reporting into the job; returns when done. */
    private void run(ImportJob job, Path file) {
        try {
            AtomicLong rows = new AtomicLong();
            try (InputStream input = Files.newInputStream(file)) {
                ClientCsvReader.read(input, row -> rows.incrementAndGet(), problem -> rows.incrementAndGet());
            }
            job.counted(rows.get());
            Batches batches = new Batches(job);
            try (InputStream input = Files.newInputStream(file)) {
                ClientCsvReader.read(input, batches::add, job::problem);
            }
            batches.flush();
            job.done();
        } catch (ClientCsvException e) {
            job.refuse(e);
        } catch (IOException | RuntimeException e) {
            logger.log(Level.WARNING, e, () -> "Clients import " + job.getId() + " stopped");
            job.fail();
        }
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            logger.log(Level.WARNING, e, () -> "Uploaded import file " + file + " could not be deleted");
        }
    }

    /** Collects good rows and hands them to the database a batch at a time. */
    private final class Batches {

        private final ImportJob job;
        private final List<ClientRow> rows = new ArrayList<>(BATCH_SIZE);

        Batches(ImportJob job) {
            this.job = job;
        }

        void add(ClientRow row) {
            rows.add(row);
            if (rows.size() == BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            List<ClientRow> skipped = bulkInsert.insert(rows);
            job.suppressed(
                    suppressions.countListed(rows.stream().map(ClientRow::email).toList()));
            job.imported(rows.size() - skipped.size());
            skipped.forEach(
                    row -> job.problem(new RowProblem(row.line(), RowProblem.Reason.ALREADY_EXISTS, row.email())));
            rows.clear();
        }
    }
}
