package ru.rassylka.message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in subjects and bodies: {@code {{full_name}}}, {@code {{email}}} and
 * {@code {{unsubscribe_url}}}, with optional spaces inside the braces ({@code {{ email }}}).
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final String OPENING = "{{";
    private static final int EXCERPT_MAX = 30;

    private Template() {}

    /** The unknown and malformed placeholders of a text, each once, in order of appearance. */
    public static List<TemplateProblem> validate(String text) {
        Set<TemplateProblem> problems = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int checkedUpTo = 0;
        while (matcher.find()) {
            addUnclosed(text, checkedUpTo, matcher.start(), problems);
            String key = matcher.group(1).strip();
            if (key.isEmpty()) {
                problems.add(new TemplateProblem(TemplateProblem.Kind.MALFORMED_PLACEHOLDER, matcher.group()));
            } else if (Placeholder.byKey(key).isEmpty()) {
                problems.add(new TemplateProblem(TemplateProblem.Kind.UNKNOWN_PLACEHOLDER, matcher.group()));
            }
            checkedUpTo = matcher.end();
        }
        addUnclosed(text, checkedUpTo, text.length(), problems);
        return new ArrayList<>(problems);
    }

    /**
     * Replaces the known placeholders with the values. In HTML the values are escaped, so that a
     * client's name cannot add markup; in plain text and subjects they go in as they are. Unknown
     * placeholders stay as written.
     */
    public static String render(String text, TemplateValues values, boolean html) {
        return PLACEHOLDER
                .matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(replacement(match, values, html)));
    }

    private static String replacement(MatchResult match, TemplateValues values, boolean html) {
        Optional<Placeholder> placeholder = Placeholder.byKey(match.group(1).strip());
        if (placeholder.isEmpty()) {
            return match.group();
        }
        String value = values.valueOf(placeholder.get());
        return html ? escapeHtml(value) : value;
    }

    // Every "{{" between two well-formed placeholders opens one that is never closed
    private static void addUnclosed(String text, int from, int to, Set<TemplateProblem> problems) {
        int opening = text.indexOf(OPENING, from);
        while (opening >= 0 && opening < to) {
            problems.add(new TemplateProblem(TemplateProblem.Kind.MALFORMED_PLACEHOLDER, excerpt(text, opening)));
            opening = text.indexOf(OPENING, opening + OPENING.length());
        }
    }

    /** The unclosed placeholder as the author sees it: the braces and the word after them. */
    private static String excerpt(String text, int start) {
        int limit = Math.min(text.length(), start + EXCERPT_MAX);
        int end = start + OPENING.length();
        while (end < limit && text.charAt(end) == ' ') {
            end++;
        }
        while (end < limit && !Character.isWhitespace(text.charAt(end)) && "{}<".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end < limit && text.charAt(end) == '}') {
            end++;
        }
        return text.substring(start, end);
    }

    /** Text made safe inside HTML elements and quoted attributes. */
    public static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
