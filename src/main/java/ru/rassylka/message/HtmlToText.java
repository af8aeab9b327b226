package ru.rassylka.message;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text alternative of an HTML body for multipart e-mails: paragraphs and line breaks
 * kept, list items dashed or numbered, table cells separated by {@code |}, links written as
 * {@code text (url)}.
 */
public final class HtmlToText {

    private static final Set<String> PARAGRAPHS =
            Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "dl");
    private static final Set<String> LINES = Set.of("div", "tr", "li", "dt", "dd", "caption", "center");
    private static final String MAILTO = "mailto:";

    private HtmlToText() {}

    public static String plainTextOf(String html) {
        TextCollector text = new TextCollector();
        NodeTraversor.traverse(text, Jsoup.parse(html).body());
        return text.result();
    }

    /** Walks the body once; breaks between blocks wait until the next text so none trail. */
    private static final class TextCollector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int pendingBreaks;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                if (isInsidePre(textNode)) {
                    append(textNode.getWholeText());
                } else {
                    appendFlowing(textNode.text().replace('\u00A0', ' '));
                }
            } else if (node instanceof Element element) {
                opening(element);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                closing(element);
            }
        }

        private void opening(Element element) {
            String tag = element.normalName();
            if (PARAGRAPHS.contains(tag)) {
                breakLines(2);
            } else if (LINES.contains(tag)) {
                breakLines(1);
            }
            switch (tag) {
                case "br" -> lineBreak();
                case "hr" -> {
                    breakLines(2);
                    append("----------");
                    breakLines(2);
                }
                case "li" -> append(listMarker(element));
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        append(" | ");
                    }
                }
                case "img" -> appendFlowing(element.attr("alt"));
                default -> {
                    // Other elements only contribute their text
                }
            }
        }

        private void closing(Element element) {
            String tag = element.normalName();
            if ("a".equals(tag)) {
                appendLinkTarget(element);
            }
            if (PARAGRAPHS.contains(tag)) {
                breakLines(2);
            } else if (LINES.contains(tag)) {
                breakLines(1);
            }
        }

        private void appendLinkTarget(Element link) {
            String href = link.attr("href").strip();
            if (href.isEmpty() || href.startsWith("#")) {
                return;
            }
            String target =
                    href.regionMatches(true, 0, MAILTO, 0, MAILTO.length()) ? href.substring(MAILTO.length()) : href;
            String text = link.text().strip();
            if (text.isEmpty()) {
                appendFlowing(target);
            } else if (!text.equals(target) && !text.equals(href)) {
                append(" (" + target + ")");
            }
        }

        private static String listMarker(Element item) {
            Element list = item.parent();
            if (list != null && "ol".equals(list.normalName())) {
                return (item.elementSiblingIndex() + 1) + ". ";
            }
            return "- ";
        }

        private static boolean isInsidePre(TextNode node) {
            Element parent = node.parentElement();
            return parent != null && parent.closest("pre") != null;
        }

        /** Text whose whitespace was collapsed: no space at the start of a line or twice. */
        private void appendFlowing(String text) {
            if (text.isBlank()) {
                if (!text.isEmpty() && pendingBreaks == 0 && !atLineStart() && !endsWithSpace()) {
                    out.append(' ');
                }
                return;
            }
            flushBreaks();
            String flowing = atLineStart() || endsWithSpace() ? text.stripLeading() : text;
            out.append(flowing);
        }

        private void append(String text) {
            flushBreaks();
            out.append(text);
        }

        private void lineBreak() {
            flushBreaks();
            out.append('\n');
        }

        private void breakLines(int count) {
            pendingBreaks = Math.max(pendingBreaks, count);
        }

        private void flushBreaks() {
            if (out.isEmpty() || pendingBreaks == 0) {
                pendingBreaks = 0;
                return;
            }
            stripTrailingSpaces();
            int existing = trailingNewlines();
            for (int i = existing; i < pendingBreaks; i++) {
                out.append('\n');
            }
            pendingBreaks = 0;
        }

        private boolean atLineStart() {
            return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        }

        private boolean endsWithSpace() {
            return !out.isEmpty() && out.charAt(out.length() - 1) == ' ';
        }

        private int trailingNewlines() {
            int count = 0;
            for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
                count++;
            }
            return count;
        }

        private void stripTrailingSpaces() {
            while (endsWithSpace()) {
                out.setLength(out.length() - 1);
            }
        }

        String result() {
            return out.toString()
                    .replaceAll("[ \\t]+\n", "\n")
                    .replaceAll("\n{3,}", "\n\n")
                    .strip();
        }
    }
}
