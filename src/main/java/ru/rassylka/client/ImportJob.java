package ru.rassylka.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One clients import: its progress while it runs and its report when done. Written by the import
 * thread, read by the page that polls it. Every data row ends up counted exactly once: imported,
 * skipped as a duplicate, or rejected.
 */
public class ImportJob {

    /** How many problems the report lists, the lowest line numbers first; all are counted. */
    public static final int LISTED_PROBLEMS = 200;

    /** Where an import stands. */
    public enum State {
        RUNNING,
        DONE,
        /** The file as a whole was refused before anything was imported. */
        REFUSED,
        /** Stopped by an error; what was imported until then stays imported and is counted. */
        FAILED
    }

    private final UUID id = UUID.randomUUID();
    private final long ownerId;
    private final String fileName;
    private final Instant startedAt = Instant.now();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    // The highest line on top, so that it is the one dropped when the list is full
    private final PriorityQueue<RowProblem> listed =
            new PriorityQueue<>(Comparator.comparingLong(RowProblem::line).reversed());
    private volatile State state = State.RUNNING;
    private volatile ClientCsvException refusal;
    private volatile Instant finishedAt;

    public ImportJob(long ownerId, String fileName) {
        this.ownerId = ownerId;
        this.fileName = fileName;
    }

    /** The number of data rows the file has, once the first reading has counted them. */
    void counted(long dataRows) {
        rows.set(dataRows);
    }

    void imported(int count) {
        imported.addAndGet(count);
        processed.addAndGet(count);
    }

    void problem(RowProblem problem) {
        (problem.reason().isDuplicate() ? duplicates : rejected).incrementAndGet();
        processed.incrementAndGet();
        synchronized (listed) {
            listed.add(problem);
            if (listed.size() > LISTED_PROBLEMS) {
                listed.poll();
            }
        }
    }

    void done() {
        finish(State.DONE);
    }

    void refuse(ClientCsvException reason) {
        refusal = reason;
        finish(State.REFUSED);
    }

    void fail() {
        finish(State.FAILED);
    }

    private void finish(State end) {
        finishedAt = Instant.now();
        state = end;
    }

    public UUID getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getFileName() {
        return fileName;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public State getState() {
        return state;
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** The data rows of the file (blank lines aside); 0 until counted. */
    public long getRows() {
        return rows.get();
    }

    /** Rows imported, skipped or rejected so far. */
    public long getProcessed() {
        return processed.get();
    }

    public int getPercent() {
        long total = rows.get();
        return total == 0 ? (isRunning() ? 0 : 100) : (int) Math.min(100, processed.get() * 100 / total);
    }

    public long getImported() {
        return imported.get();
    }

    void suppressed(long count) {
        suppressed.addAndGet(count);
    }

    /** Good rows whose address is on the owner's suppression list: mailings skip them. */
    public long getSuppressed() {
        return suppressed.get();
    }

    public long getDuplicates() {
        return duplicates.get();
    }

    public long getRejected() {
        return rejected.get();
    }

    /** Why the whole file was refused, when it was. */
    public ClientCsvException getRefusal() {
        return refusal;
    }

    /** The problems with the lowest line numbers, at most {@link #LISTED_PROBLEMS}, by line. */
    public List<RowProblem> getProblems() {
        List<RowProblem> copy;
        synchronized (listed) {
            copy = new ArrayList<>(listed);
        }
        copy.sort(Comparator.comparingLong(RowProblem::line));
        return copy;
    }

    /** Problems beyond the listed ones. */
    public long getUnlistedProblems() {
        return Math.max(0, duplicates.get() + rejected.get() - LISTED_PROBLEMS);
    }
}
