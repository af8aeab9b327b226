package ru.rassylka.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.rassylka.client.ClientCsvException.Reason;
import ru.rassylka.platform.csv.SpreadsheetCells;
import ru.rassylka.platform.validation.SingleLine;

/**
 * Reads a clients import file: UTF-8 (with or without a byte order mark), comma- or
 * semicolon-separated (whichever the header uses), header {@code email,full_name,comment} in any
 * order and case, the comment column optional, columns with other names ignored.
 *
 * <p>Rows are streamed: each data row goes either to the valid-row consumer or to the problem
 * consumer as soon as it is read. Blank lines are skipped.
 */
public final class ClientCsvReader {

    public static final String EMAIL = "email";
    public static final String FULL_NAME = "full_name";
    public static final String COMMENT = "comment";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int HEADER_LOOKAHEAD = 4096;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Consumer<ClientRow> rows;
    private final Consumer<RowProblem> problems;
    private final Set<String> importedEmails = new HashSet<>();
    private Columns columns;

    private ClientCsvReader(Consumer<ClientRow> rows, Consumer<RowProblem> problems) {
        this.rows = rows;
        this.problems = problems;
    }

    /**
     * Reads the whole file, handing every data row to one of the consumers in file order. The
     * caller closes the stream.
     *
     * @throws ClientCsvException when the file as a whole is unreadable (no header, a required
     *     column missing, broken quoting, not UTF-8)
     */
    public static void read(InputStream input, Consumer<ClientRow> rows, Consumer<RowProblem> problems)
            throws IOException {
        new ClientCsvReader(rows, problems).readAll(input);
    }

    private void readAll(InputStream input) throws IOException {
        // A reporting decoder: a Windows-1251 file must be refused, not imported as mojibake
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()), BUFFER_SIZE);
        try {
            skipByteOrderMark(reader);
            CSVParser parser = format(delimiterOf(reader)).parse(reader);
            readRecords(parser);
        } catch (CharacterCodingException e) {
            throw new ClientCsvException(Reason.NOT_UTF8, 0, null);
        }
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                // Kept as records so that line numbers stay exact; skipped in accept()
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }

    private void readRecords(CSVParser parser) throws IOException {
        Iterator<CSVRecord> records = parser.iterator();
        // hasNext() parses the next record, so where it starts is taken just before
        long line = parser.getCurrentLineNumber() + 1;
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (columns == null) {
                    columns = Columns.of(record);
                } else {
                    accept(line, record);
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                throw new ClientCsvException(Reason.MALFORMED_CSV, line, null);
            }
            throw e.getCause();
        }
        if (columns == null) {
            throw new ClientCsvException(Reason.EMPTY_FILE, 0, null);
        }
    }

    private void accept(long line, CSVRecord record) {
        if (isBlank(record)) {
            return;
        }
        if (record.size() > columns.count()) {
            problems.accept(new RowProblem(line, RowProblem.Reason.WRONG_COLUMN_COUNT, String.valueOf(record.size())));
            return;
        }
        String email = EmailAddresses.normalize(cell(record, columns.email()));
        String fullName = cell(record, columns.fullName()).strip();
        String comment =
                columns.comment() < 0 ? "" : cell(record, columns.comment()).strip();
        Optional<RowProblem> problem = problemOf(line, email, fullName, comment);
        if (problem.isPresent()) {
            problems.accept(problem.get());
            return;
        }
        importedEmails.add(email);
        rows.accept(new ClientRow(line, email, fullName, comment.isEmpty() ? null : comment));
    }

    // One reason per row, the first one found, so the list of problems stays short
    private Optional<RowProblem> problemOf(long line, String email, String fullName, String comment) {
        RowProblem.Reason reason = null;
        String value = email;
        if (email.isEmpty()) {
            reason = RowProblem.Reason.EMAIL_MISSING;
            value = null;
        } else if (email.length() > Client.EMAIL_MAX) {
            reason = RowProblem.Reason.EMAIL_TOO_LONG;
        } else if (!EmailAddresses.isValid(email)) {
            reason = RowProblem.Reason.EMAIL_INVALID;
        } else if (fullName.isEmpty()) {
            reason = RowProblem.Reason.NAME_MISSING;
            value = null;
        } else if (fullName.length() > Client.FULL_NAME_MAX) {
            reason = RowProblem.Reason.NAME_TOO_LONG;
            value = fullName;
        } else if (!SingleLine.Check.isSingleLine(fullName)) {
            reason = RowProblem.Reason.NAME_NOT_ONE_LINE;
            value = fullName;
        } else if (comment.length() > Client.COMMENT_MAX) {
            reason = RowProblem.Reason.COMMENT_TOO_LONG;
            value = comment;
        } else if (importedEmails.contains(email)) {
            reason = RowProblem.Reason.DUPLICATE_IN_FILE;
        }
        return reason == null ? Optional.empty() : Optional.of(new RowProblem(line, reason, value));
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    // A row may leave out trailing cells, e.g. an empty comment without its delimiter
    private static String cell(CSVRecord record, int index) {
        return index < record.size()
                ? SpreadsheetCells.restore(record.get(index).strip())
                : "";
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
    }

    /** The delimiter used more often in the header line; a comma when neither appears. */
    private static char delimiterOf(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        int commas = 0;
        int semicolons = 0;
        for (int i = 0; i < HEADER_LOOKAHEAD; i++) {
            int c = reader.read();
            if (c == -1 || c == '\n' || c == '\r') {
                break;
            }
            if (c == ',') {
                commas++;
            } else if (c == ';') {
                semicolons++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }

    /** Where the known columns are in the header; {@code comment} is -1 when absent. */
    private record Columns(int email, int fullName, int comment, int count) {

        static Columns of(CSVRecord header) {
            int email = -1;
            int fullName = -1;
            int comment = -1;
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case EMAIL -> email = indexOnce(email, i, name);
                    case FULL_NAME -> fullName = indexOnce(fullName, i, name);
                    case COMMENT -> comment = indexOnce(comment, i, name);
                    default -> {
                        // Other columns (exports of other tools) are ignored
                    }
                }
            }
            if (email < 0) {
                throw new ClientCsvException(Reason.COLUMN_MISSING, 1, EMAIL);
            }
            if (fullName < 0) {
                throw new ClientCsvException(Reason.COLUMN_MISSING, 1, FULL_NAME);
            }
            return new Columns(email, fullName, comment, header.size());
        }

        private static int indexOnce(int found, int index, String name) {
            if (found >= 0) {
                throw new ClientCsvException(Reason.DUPLICATE_COLUMN, 1, name);
            }
            return index;
        }
    }
}
