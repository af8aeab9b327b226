package ru.rassylka.client;

/**
 * A valid data row of an import file: the e-mail normalised, the name trimmed, the comment
 * trimmed or {@code null}. The line lets later checks (e.g. against existing clients) point at it.
 */
public record ClientRow(long line, String email, String fullName, String comment) {}
