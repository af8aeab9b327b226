package ru.rassylka.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes HTML from users safe to show in previews and to send: keeps text formatting, lists,
 * tables, links (http, https, mailto) and images (http, https); drops scripts, styles, frames,
 * forms, event handlers and any other URL scheme. Inline styles keep only harmless properties.
 */
public final class HtmlSanitizer {

    static final String LINK_REL = "noopener noreferrer nofollow";

    private static final Safelist SAFELIST = new TemplateSafelist()
            .removeProtocols("a", "href", "ftp")
            .addTags("hr", "s")
            .addAttributes(":all", "style")
            .addAttributes("table", "align", "bgcolor", "border", "cellpadding", "cellspacing")
            .addAttributes("tr", "align", "bgcolor", "valign")
            .addAttributes("td", "align", "bgcolor", "valign", "height")
            .addAttributes("th", "align", "bgcolor", "valign", "height")
            .addAttributes("p", "align")
            .addAttributes("div", "align")
            .addEnforcedAttribute("a", "rel", LINK_REL);

    private static final Set<String> STYLE_PROPERTIES = Set.of(
            "color",
            "background-color",
            "font-family",
            "font-size",
            "font-style",
            "font-weight",
            "text-align",
            "text-decoration",
            "text-transform",
            "line-height",
            "letter-spacing",
            "vertical-align",
            "white-space",
            "width",
            "height",
            "max-width",
            "border-collapse",
            "list-style-type",
            "margin",
            "padding",
            "border");
    private static final List<String> STYLE_PROPERTY_FAMILIES = List.of("margin-", "padding-", "border-");
    // Values that could load resources or run code in old engines; escapes could hide them
    private static final Pattern UNSAFE_STYLE_VALUE =
            Pattern.compile("url\\(|expression|javascript:|\\\\|@|<|/\\*", Pattern.CASE_INSENSITIVE);

    private HtmlSanitizer() {}

    /** The safe body HTML; a whole document gives its body, without the head. */
    public static String sanitize(String html) {
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parse(html));
        clean.outputSettings().prettyPrint(false);
        for (Element styled : clean.select("[style]")) {
            filterStyle(styled);
        }
        return clean.body().html();
    }

    private static void filterStyle(Element element) {
        List<String> kept = new ArrayList<>();
        for (String declaration : element.attr("style").split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip();
            if (isAllowedProperty(property)
                    && !value.isEmpty()
                    && !UNSAFE_STYLE_VALUE.matcher(value).find()) {
                kept.add(property + ": " + value);
            }
        }
        if (kept.isEmpty()) {
            element.removeAttr("style");
        } else {
            element.attr("style", String.join("; ", kept));
        }
    }

    private static boolean isAllowedProperty(String property) {
        return STYLE_PROPERTIES.contains(property)
                || STYLE_PROPERTY_FAMILIES.stream().anyMatch(property::startsWith);
    }

    /**
     * The relaxed safelist that also keeps {@code href="{{unsubscribe_url}}"}, so that a template
     * can be sanitized before rendering; the rendered URL is ours, never a user's.
     */
    private static final class TemplateSafelist extends Safelist {

        private static final Pattern UNSUBSCRIBE_HREF =
                Pattern.compile("\\{\\{\\s*" + Placeholder.UNSUBSCRIBE_URL.key() + "\\s*}}");

        TemplateSafelist() {
            super(Safelist.relaxed());
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            if ("a".equals(tagName)
                    && "href".equals(attribute.getKey())
                    && UNSUBSCRIBE_HREF.matcher(attribute.getValue()).matches()) {
                return true;
            }
            return super.isSafeAttribute(tagName, element, attribute);
        }
    }
}
