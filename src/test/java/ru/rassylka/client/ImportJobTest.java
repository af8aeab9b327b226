package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import ru.rassylka.client.RowProblem.Reason;

class ImportJobTest {

    @Test
    void everyRowIsCountedOnceAsImportedDuplicateOrRejected() {
        ImportJob job = new ImportJob(1, "clients.csv");
        job.counted(10);
        job.imported(6);
        job.problem(new RowProblem(3, Reason.DUPLICATE_IN_FILE, "a@example.org"));
        job.problem(new RowProblem(4, Reason.ALREADY_EXISTS, "b@example.org"));
        job.problem(new RowProblem(5, Reason.EMAIL_INVALID, "c"));
        job.problem(new RowProblem(6, Reason.NAME_MISSING, null));

        assertEquals(6, job.getImported());
        assertEquals(2, job.getDuplicates());
        assertEquals(2, job.getRejected());
        assertEquals(10, job.getProcessed());
        assertEquals(100, job.getPercent());
        assertTrue(job.isRunning());
        job.done();
        assertEquals(ImportJob.State.DONE, job.getState());
    }

    @Test
    void theReportListsTheProblemsWithTheLowestLinesInLineOrder() {
        ImportJob job = new ImportJob(1, "clients.csv");
        // existing duplicates are found batch by batch, after later lines were already reported
        LongStream.rangeClosed(2, 301)
                .map(line -> 303 - line)
                .forEach(line -> job.problem(new RowProblem(line, Reason.EMAIL_MISSING, null)));

        List<RowProblem> listed = job.getProblems();

        assertEquals(ImportJob.LISTED_PROBLEMS, listed.size());
        assertEquals(2, listed.get(0).line());
        assertEquals(201, listed.get(listed.size() - 1).line());
        assertEquals(100, job.getUnlistedProblems());
        assertEquals(300, job.getRejected());
    }

    @Test
    void progressIsAShareOfTheCountedRows() {
        ImportJob job = new ImportJob(1, "clients.csv");
        assertEquals(0, job.getPercent());
        job.counted(4000);
        job.imported(1000);
        assertEquals(25, job.getPercent());
    }
}
