package ru.rassylka.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rassylka.message.Placeholder;
import ru.rassylka.message.Template;
import ru.rassylka.message.TemplateValues;

/**
 * A template cut once into its fixed text and its known placeholders, so that each recipient's
 * text is only the pieces joined with that recipient's values: the same result as
 * {@link Template#render} (values escaped in HTML, unknown placeholders kept as written) without
 * searching the text again for every recipient.
 */
final class TemplateParts {

    /** The placeholder syntax of {@link Template}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    /** Fixed texts and placeholders in turn: a String or a Placeholder. */
    private final List<Object> parts;

    private final boolean html;
    private final int fixedLength;

    private TemplateParts(List<Object> parts, boolean html) {
        this.parts = parts;
        this.html = html;
        this.fixedLength = parts.stream()
                .filter(String.class::isInstance)
                .mapToInt(part -> ((String) part).length())
                .sum();
    }

    static TemplateParts of(String text, boolean html) {
        List<Object> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder fixed = new StringBuilder();
        int from = 0;
        while (matcher.find()) {
            fixed.append(text, from, matcher.start());
            Optional<Placeholder> placeholder =
                    Placeholder.byKey(matcher.group(1).strip());
            if (placeholder.isEmpty()) {
                fixed.append(matcher.group());
            } else {
                if (fixed.length() > 0) {
                    parts.add(fixed.toString());
                    fixed.setLength(0);
                }
                parts.add(placeholder.get());
            }
            from = matcher.end();
        }
        fixed.append(text, from, text.length());
        if (fixed.length() > 0 || parts.isEmpty()) {
            parts.add(fixed.toString());
        }
        return new TemplateParts(List.copyOf(parts), html);
    }

    String render(TemplateValues values) {
        if (parts.size() == 1 && parts.get(0) instanceof String only) {
            return only;
        }
        StringBuilder text = new StringBuilder(fixedLength + 64 * parts.size());
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                String value = values.valueOf(placeholder);
                text.append(html ? Template.escapeHtml(value) : value);
            } else {
                text.append((String) part);
            }
        }
        return text.toString();
    }
}
