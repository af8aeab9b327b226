package ru.rassylka.client;

/**
 * The import file as a whole cannot be read. Rows before the failing point may already have been
 * handed out, so an import should be all-or-nothing around it.
 */
public class ClientCsvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the file was rejected; the UI turns these into sentences. */
    public enum Reason {
        EMPTY_FILE,
        /** A required column is missing from the header; the value is its name. */
        COLUMN_MISSING,
        /** A column appears twice in the header; the value is its name. */
        DUPLICATE_COLUMN,
        /** Broken quoting, e.g. an unclosed quote; the line is where the broken row starts. */
        MALFORMED_CSV,
        NOT_UTF8
    }

    private final Reason reason;
    private final long line;
    private final String value;

    ClientCsvException(Reason reason, long line, String value) {
        super(reason + (line > 0 ? " at line " + line : "") + (value != null ? ": " + value : ""));
        this.reason = reason;
        this.line = line;
        this.value = value;
    }

    public Reason reason() {
        return reason;
    }

    /** The physical line the problem was found at, or 0 when it is not tied to a line. */
    public long line() {
        return line;
    }

    public String value() {
        return value;
    }
}
