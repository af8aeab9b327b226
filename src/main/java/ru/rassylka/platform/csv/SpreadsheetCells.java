package ru.rassylka.platform.csv;

/**
 * Keeps exported cells from running as spreadsheet formulas (OWASP "CSV injection"): a value that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text. The one rule for every CSV file the service writes ({@link CsvWriter});
 * the clients import removes exactly that apostrophe again, so every value — also one that itself
 * starts with an apostrophe before such a character — reads back unchanged.
 */
public final class SpreadsheetCells {

    private static final String TRIGGERS = "=+-@\t\r";
    private static final char QUOTE = '\'';

    private SpreadsheetCells() {}

    /** The value as it is written into an exported cell. */
    public static String neutralise(String value) {
        return value != null && needsQuote(value) ? QUOTE + value : value;
    }

    /** The value an imported cell stands for: the inverse of {@link #neutralise}. */
    public static String restore(String cell) {
        return cell.length() > 1 && cell.charAt(0) == QUOTE && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
    }

    // A value starting with a trigger, or with apostrophes before one (so restoring stays exact)
    private static boolean needsQuote(String value) {
        int first = 0;
        while (first < value.length() && value.charAt(first) == QUOTE) {
            first++;
        }
        return first < value.length() && TRIGGERS.indexOf(value.charAt(first)) >= 0;
    }
}
