package ru.rassylka.message;

/** A placeholder a template cannot use, with the text as written, e.g. {@code {{name}}}. */
public record TemplateProblem(Kind kind, String token) {

    /** What is wrong with the placeholder; the UI turns these into sentences. */
    public enum Kind {
        /** Well formed, but not one of {@link Placeholder}. */
        UNKNOWN_PLACEHOLDER,
        /** Opened with {@code {{} but not closed, or empty. */
        MALFORMED_PLACEHOLDER
    }
}
