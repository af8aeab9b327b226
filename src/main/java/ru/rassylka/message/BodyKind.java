package ru.rassylka.message;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Whether a message body is HTML or plain text; stored with the message, chosen by its author. */
public enum BodyKind {
    PLAIN_TEXT,
    HTML;

    // The parser adds these to any text, so they only count when written out
    private static final Set<String> IMPLIED_ELEMENTS = Set.of("html", "head", "body");
    private static final Pattern DOCUMENT_START =
            Pattern.compile("\\s*<(!doctype|html)[\\s>]", Pattern.CASE_INSENSITIVE);

    /**
     * A first guess for a pasted body: HTML when it is a whole document or contains a known HTML
     * element, so that {@code "write to <support>"} or {@code "a < b"} stay plain text.
     */
    public static BodyKind guess(String body) {
        boolean hasElements = Jsoup.parse(body).getAllElements().stream()
                .anyMatch(element -> element.tag().isKnownTag() && !IMPLIED_ELEMENTS.contains(element.normalName()));
        return hasElements || DOCUMENT_START.matcher(body).lookingAt() ? HTML : PLAIN_TEXT;
    }
}
