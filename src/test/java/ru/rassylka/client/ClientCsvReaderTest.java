package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rassylka.client.RowProblem.Reason;

class ClientCsvReaderTest {

    /** Everything the reader handed out for one file. */
    private record Result(List<ClientRow> rows, List<RowProblem> problems) {}

    private static Result read(String content) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    private static Result read(byte[] content) throws IOException {
        return read(new ByteArrayInputStream(content));
    }

    private static Result read(InputStream input) throws IOException {
        Result result = new Result(new ArrayList<>(), new ArrayList<>());
        ClientCsvReader.read(input, result.rows()::add, result.problems()::add);
        return result;
    }

    private static RowProblem onlyProblem(String content) throws IOException {
        Result result = read(content);
        assertEquals(List.of(), result.rows());
        assertEquals(1, result.problems().size(), () -> result.problems().toString());
        return result.problems().get(0);
    }

    private static ClientCsvException fileError(String content) {
        return assertThrows(ClientCsvException.class, () -> read(content));
    }

    @Test
    void validRowsComeWithTheEmailLowerCasedAndTheFieldsTrimmed() throws IOException {
        Result result = read("email,full_name,comment\n  Ivan.Petrov@Example.RU , Иван Петров ,  постоянный клиент \n");

        assertEquals(
                List.of(new ClientRow(2, "ivan.petrov@example.ru", "Иван Петров", "постоянный клиент")), result.rows());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void anEmptyCommentBecomesNull() throws IOException {
        Result result = read("email,full_name,comment\na@example.org,A,   \n");

        assertNull(result.rows().get(0).comment());
    }

    @Test
    void theUtf8ByteOrderMarkIsSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "email,full_name\nanna@example.org,Анна\n".getBytes(StandardCharsets.UTF_8);
        Result result = read(new SequenceInputStream(new ByteArrayInputStream(bom), new ByteArrayInputStream(body)));

        assertEquals(List.of(new ClientRow(2, "anna@example.org", "Анна", null)), result.rows());
    }

    @Test
    void semicolonsAreTheDelimiterWhenTheHeaderUsesThem() throws IOException {
        Result result = read("email;full_name;comment\nb@example.org;Петров, Борис;звонить после 18:00, не раньше\n");

        assertEquals(
                List.of(new ClientRow(2, "b@example.org", "Петров, Борис", "звонить после 18:00, не раньше")),
                result.rows());
    }

    @Test
    void headerNamesIgnoreCaseSurroundingSpacesAndOrder() throws IOException {
        Result result = read(" Full_Name ;  EMAIL \nБорис;b@example.org\n");

        assertEquals(List.of(new ClientRow(2, "b@example.org", "Борис", null)), result.rows());
    }

    @Test
    void columnsWithOtherNamesAreIgnored() throws IOException {
        Result result = read("phone,email,full_name\n+7 900,c@example.org,Cat\n");

        assertEquals(List.of(new ClientRow(2, "c@example.org", "Cat", null)), result.rows());
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws IOException {
        Result result = read("email,full_name,comment\n"
                + "d@example.org,\"Doe, \"\"Johnny\"\" John\",\"first line\nsecond line\"\n");

        assertEquals(
                List.of(new ClientRow(2, "d@example.org", "Doe, \"Johnny\" John", "first line\nsecond line")),
                result.rows());
    }

    @Test
    void lineNumbersAfterAQuotedLineBreakCountPhysicalLines() throws IOException {
        Result result = read("email,full_name,comment\n"
                + "a@example.org,A,\"one\ntwo\nthree\"\n"
                + "broken,B,\n"
                + "c@example.org,C,\"x\r\ny\"\r\n"
                + "also broken,D\n");

        assertEquals(
                List.of(2L, 6L), result.rows().stream().map(ClientRow::line).toList());
        assertEquals(
                List.of(5L, 8L),
                result.problems().stream().map(RowProblem::line).toList());
    }

    @Test
    void blankLinesAreSkippedButStillCounted() throws IOException {
        Result result = read("email,full_name\r\n\r\n   \r\n,\r\na@example.org,A\r\n\r\nbad,B");

        assertEquals(List.of(new ClientRow(5, "a@example.org", "A", null)), result.rows());
        assertEquals(List.of(new RowProblem(7, Reason.EMAIL_INVALID, "bad")), result.problems());
    }

    @Test
    void aRowMayLeaveOutTheTrailingCommentCell() throws IOException {
        Result result = read("email,full_name,comment\na@example.org,A\n");

        assertEquals(List.of(new ClientRow(2, "a@example.org", "A", null)), result.rows());
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderHasTheWrongColumnCount() throws IOException {
        assertEquals(
                new RowProblem(2, Reason.WRONG_COLUMN_COUNT, "4"),
                onlyProblem("email,full_name,comment\na@example.org,Petrov, Ivan,note\n"));
    }

    @Test
    void aNameWithALineBreakOrAnotherControlCharacterIsReported() throws IOException {
        assertEquals(
                new RowProblem(2, Reason.NAME_NOT_ONE_LINE, "Ivan\r\nBcc: x@example.org"),
                onlyProblem("email,full_name\nivan@example.org,\"Ivan\r\nBcc: x@example.org\"\n"));
        assertEquals(
                new RowProblem(2, Reason.NAME_NOT_ONE_LINE, "Ivan\u0000"),
                onlyProblem("email,full_name\nivan@example.org,Ivan\u0000\n"));
    }

    @Test
    void aMissingEmailIsReported() throws IOException {
        assertEquals(new RowProblem(2, Reason.EMAIL_MISSING, null), onlyProblem("email,full_name\n  ,Nobody\n"));
    }

    @Test
    void anInvalidEmailIsReportedWithItsValue() throws IOException {
        assertEquals(
                new RowProblem(2, Reason.EMAIL_INVALID, "ivan@example"),
                onlyProblem("email,full_name\nIvan@Example,Ivan\n"));
    }

    @Test
    void anEmailLongerThan254CharactersIsTooLong() throws IOException {
        String local = "a".repeat(64);
        String longest = local + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".ru";
        String tooLong = local + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".ru";
        assertEquals(254, longest.length());

        Result result = read("email,full_name\n" + longest + ",A\n" + tooLong + ",B\n");

        assertEquals(
                List.of(longest), result.rows().stream().map(ClientRow::email).toList());
        assertEquals(List.of(new RowProblem(3, Reason.EMAIL_TOO_LONG, tooLong)), result.problems());
    }

    @Test
    void aMissingNameIsReported() throws IOException {
        assertEquals(new RowProblem(2, Reason.NAME_MISSING, null), onlyProblem("email,full_name\na@example.org,  \n"));
    }

    @Test
    void aNameLongerThan200CharactersIsTooLong() throws IOException {
        String longest = "Я".repeat(200);
        String tooLong = "Я".repeat(201);

        Result result = read("email,full_name\na@example.org," + longest + "\nb@example.org," + tooLong + "\n");

        assertEquals(
                List.of(longest),
                result.rows().stream().map(ClientRow::fullName).toList());
        assertEquals(List.of(new RowProblem(3, Reason.NAME_TOO_LONG, tooLong)), result.problems());
    }

    @Test
    void aCommentLongerThan1000CharactersIsTooLong() throws IOException {
        String longest = "x".repeat(1000);
        String tooLong = "x".repeat(1001);

        Result result = read("email,full_name,comment\n"
                + "a@example.org,A," + longest + "\n"
                + "b@example.org,B," + tooLong + "\n");

        assertEquals(
                List.of(longest), result.rows().stream().map(ClientRow::comment).toList());
        assertEquals(List.of(new RowProblem(3, Reason.COMMENT_TOO_LONG, tooLong)), result.problems());
    }

    @Test
    void theSameEmailLaterInTheFileIsADuplicateWhateverItsCase() throws IOException {
        Result result = read("email,full_name\na@example.org,First\nb@example.org,Other\nA@EXAMPLE.org,Second\n");

        assertEquals(
                List.of("First", "Other"),
                result.rows().stream().map(ClientRow::fullName).toList());
        assertEquals(List.of(new RowProblem(4, Reason.DUPLICATE_IN_FILE, "a@example.org")), result.problems());
    }

    @Test
    void aRejectedRowDoesNotMakeALaterRowWithItsEmailADuplicate() throws IOException {
        Result result = read("email,full_name\na@example.org,\na@example.org,Second try\n");

        assertEquals(List.of(new ClientRow(3, "a@example.org", "Second try", null)), result.rows());
        assertEquals(List.of(new RowProblem(2, Reason.NAME_MISSING, null)), result.problems());
    }

    @Test
    void aHeaderWithoutEmailIsAFileError() {
        ClientCsvException error = fileError("full_name,comment\nA,B\n");

        assertEquals(ClientCsvException.Reason.COLUMN_MISSING, error.reason());
        assertEquals("email", error.value());
    }

    @Test
    void aHeaderWithoutFullNameIsAFileError() {
        ClientCsvException error = fileError("email;comment\na@example.org;B\n");

        assertEquals(ClientCsvException.Reason.COLUMN_MISSING, error.reason());
        assertEquals("full_name", error.value());
    }

    @Test
    void aFileStartingWithDataInsteadOfTheHeaderIsAFileError() {
        assertEquals(
                ClientCsvException.Reason.COLUMN_MISSING,
                fileError("a@example.org,A\n").reason());
    }

    @Test
    void aColumnNamedTwiceIsAFileError() {
        ClientCsvException error = fileError("email,full_name,Email\n");

        assertEquals(ClientCsvException.Reason.DUPLICATE_COLUMN, error.reason());
        assertEquals("email", error.value());
    }

    @Test
    void anEmptyFileIsAFileError() {
        assertEquals(ClientCsvException.Reason.EMPTY_FILE, fileError("").reason());
        assertEquals(ClientCsvException.Reason.EMPTY_FILE, fileError("\uFEFF").reason());
    }

    @Test
    void aHeaderOnlyFileHasNoRows() throws IOException {
        Result result = read("email,full_name,comment\n");

        assertEquals(List.of(), result.rows());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void anUnclosedQuoteIsAFileErrorAtTheLineWhereItsRowStarts() throws IOException {
        List<ClientRow> rows = new ArrayList<>();
        byte[] content = "email,full_name\na@example.org,A\nb@example.org,\"B\nc@example.org,C\n"
                .getBytes(StandardCharsets.UTF_8);

        ClientCsvException error = assertThrows(
                ClientCsvException.class,
                () -> ClientCsvReader.read(new ByteArrayInputStream(content), rows::add, problem -> {}));

        assertEquals(ClientCsvException.Reason.MALFORMED_CSV, error.reason());
        assertEquals(3, error.line());
        assertEquals(1, rows.size());
    }

    @Test
    void textAfterAClosingQuoteIsAFileError() {
        ClientCsvException error = fileError("email,full_name\n\"a@example.org\"x,A\n");

        assertEquals(ClientCsvException.Reason.MALFORMED_CSV, error.reason());
        assertEquals(2, error.line());
    }

    @Test
    void aWindows1251FileIsRefusedInsteadOfImportedAsGarbage() {
        byte[] content = "email,full_name\na@example.org,Иван\n".getBytes(Charset.forName("windows-1251"));

        ClientCsvException error = assertThrows(ClientCsvException.class, () -> read(content));

        assertEquals(ClientCsvException.Reason.NOT_UTF8, error.reason());
    }

    @Test
    void aHundredThousandRowsAreReadOneByOne() throws IOException {
        StringBuilder file = new StringBuilder("email;full_name;comment\r\n");
        for (int i = 0; i < 100_000; i++) {
            file.append("client")
                    .append(i)
                    .append("@example.org;Клиент номер ")
                    .append(i)
                    .append(";\"note; ")
                    .append(i)
                    .append("\"\r\n");
        }
        file.append("client7@example.org;Повтор;\r\n");
        int[] valid = {0};
        List<RowProblem> problems = new ArrayList<>();

        ClientCsvReader.read(
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                row -> valid[0]++,
                problems::add);

        assertEquals(100_000, valid[0]);
        assertEquals(List.of(new RowProblem(100_002, Reason.DUPLICATE_IN_FILE, "client7@example.org")), problems);
    }
}
