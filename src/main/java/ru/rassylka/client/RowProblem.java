package ru.rassylka.client;

/**
 * A data row of an import file that cannot be imported: the physical line where the row starts
 * (the header is line 1), why, and the offending value ({@code null} when the value is missing).
 */
public record RowProblem(long line, Reason reason, String value) {

    /** Why a row was rejected; the UI turns these into sentences. */
    public enum Reason {
        /** The row has more cells than the header; the value is the number of cells. */
        WRONG_COLUMN_COUNT,
        EMAIL_MISSING,
        EMAIL_TOO_LONG,
        EMAIL_INVALID,
        NAME_MISSING,
        NAME_TOO_LONG,
        /** The full name holds a line break or another control character. */
        NAME_NOT_ONE_LINE,
        COMMENT_TOO_LONG,
        /** The same e-mail, ignoring case, was already imported from an earlier line. */
        DUPLICATE_IN_FILE,
        /** The owner already has a client with this e-mail; found by the import, not by the reader. */
        ALREADY_EXISTS;

        /** Whether the row was skipped as a copy of another client rather than rejected as wrong. */
        public boolean isDuplicate() {
            return this == DUPLICATE_IN_FILE || this == ALREADY_EXISTS;
        }
    }
}
