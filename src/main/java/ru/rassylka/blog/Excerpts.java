package ru.rassylka.blog;

import ru.rassylka.message.HtmlToText;

/** The plain-text start of an article for lists, cut at a word and marked with an ellipsis. */
final class Excerpts {

    private Excerpts() {}

    static String of(String html, int max) {
        String text = HtmlToText.plainTextOf(html == null ? "" : html)
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }
}
