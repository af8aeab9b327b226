package ru.rassylka.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The imports of this server instance, so that a page can follow one it started. Kept in memory:
 * a report is needed only while someone looks at it, and finished jobs go after an hour.
 */
@ApplicationScoped
public class ClientImportJobs {

    private static final Duration KEPT = Duration.ofHours(1);

    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();

    /** Registers the job unless its owner already has one running; one at a time keeps counts clear. */
    synchronized boolean add(ImportJob job) {
        Instant oldest = Instant.now().minus(KEPT);
        jobs.values()
                .removeIf(old ->
                        old.getFinishedAt() != null && old.getFinishedAt().isBefore(oldest));
        if (isRunning(job.getOwnerId())) {
            return false;
        }
        jobs.put(job.getId(), job);
        return true;
    }

    /** The job, when it belongs to the owner; another owner's job id finds nothing. */
    public Optional<ImportJob> find(long ownerId, UUID id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(job -> job.getOwnerId() == ownerId);
    }

    public boolean isRunning(long ownerId) {
        return jobs.values().stream().anyMatch(job -> job.getOwnerId() == ownerId && job.isRunning());
    }
}
