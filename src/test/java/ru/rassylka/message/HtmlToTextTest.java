package ru.rassylka.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlToTextTest {

    @Test
    void paragraphsAreSeparatedByABlankLineAndLineBreaksKept() {
        assertEquals(
                "Здравствуйте, Анна!\n\nНовости недели:\nпервая\nвторая\n\nС уважением",
                HtmlToText.plainTextOf("<p>Здравствуйте, Анна!</p>\n  <p>Новости   недели:<br>первая<br/>вторая</p>"
                        + "<div>С уважением</div>"));
    }

    @Test
    void linksAreWrittenAsTextWithTheUrlInParentheses() {
        assertEquals(
                "See the offer (https://example.org/offer?a=1&b=2) or write to us (support@example.org).",
                HtmlToText.plainTextOf("See <a href=\"https://example.org/offer?a=1&amp;b=2\">the <b>offer</b></a>"
                        + " or <a href=\"mailto:support@example.org\">write to us</a>."));
    }

    @Test
    void aLinkShowingItsOwnAddressIsNotRepeated() {
        assertEquals(
                "https://example.org and support@example.org",
                HtmlToText.plainTextOf("<a href=\"https://example.org\">https://example.org</a> and "
                        + "<a href=\"mailto:support@example.org\">support@example.org</a>"));
    }

    @Test
    void anImageLinkBecomesItsAddress() {
        assertEquals(
                "https://example.org",
                HtmlToText.plainTextOf(
                        "<a href=\"https://example.org\"><img src=\"https://example.org/logo.png\"></a>"));
    }

    @Test
    void listItemsAreDashedOrNumbered() {
        assertEquals(
                "Items:\n\n- one\n- two\n\n1. first\n2. second",
                HtmlToText.plainTextOf(
                        "Items:<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>"));
    }

    @Test
    void tableRowsBecomeLinesWithCellsSeparated() {
        assertEquals(
                "Товар | Цена\nЧай | 100 ₽",
                HtmlToText.plainTextOf(
                        "<table><tr><th>Товар</th><th>Цена</th></tr>" + "<tr><td>Чай</td><td>100 ₽</td></tr></table>"));
    }

    @Test
    void scriptsStylesAndTheHeadGiveNoText() {
        assertEquals(
                "Hello",
                HtmlToText.plainTextOf("<html><head><title>T</title><style>p{}</style></head>"
                        + "<body><script>var x = 1;</script><p>Hello</p></body></html>"));
    }

    @Test
    void preformattedTextKeepsItsSpacing() {
        assertEquals(
                "Code:\n\nline 1\n    line 2", HtmlToText.plainTextOf("<p>Code:</p><pre>line 1\n    line 2</pre>"));
    }

    @Test
    void entitiesAreDecodedAndNoBreakSpacesBecomeSpaces() {
        assertEquals("Tom & Jerry <3 100 ₽", HtmlToText.plainTextOf("Tom &amp; Jerry &lt;3 100&nbsp;&#8381;"));
    }
}
