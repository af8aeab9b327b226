package ru.rassylka.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void formattingLinksImagesAndTablesAreKept() {
        String html = "<p>Hi <b>Bob</b>, <i>see</i> <a href=\"https://example.org/offer?a=1&amp;b=2\">the offer</a></p>"
                + "<img src=\"https://example.org/logo.png\" alt=\"Logo\" width=\"120\">"
                + "<table border=\"1\"><tbody><tr><td colspan=\"2\">Цена</td></tr></tbody></table>";

        assertEquals(
                "<p>Hi <b>Bob</b>, <i>see</i> <a href=\"https://example.org/offer?a=1&amp;b=2\""
                        + " rel=\"noopener noreferrer nofollow\">the offer</a></p>"
                        + "<img src=\"https://example.org/logo.png\" alt=\"Logo\" width=\"120\">"
                        + "<table border=\"1\"><tbody><tr><td colspan=\"2\">Цена</td></tr></tbody></table>",
                HtmlSanitizer.sanitize(html));
    }

    @Test
    void scriptsAndTheirContentAreRemoved() {
        assertEquals("<p>Hello</p>", HtmlSanitizer.sanitize("<p>Hello</p><script>alert('x')</script>"));
    }

    @Test
    void eventHandlersAreRemoved() {
        assertEquals(
                "<img src=\"https://example.org/a.png\"><b>x</b>",
                HtmlSanitizer.sanitize("<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">"
                        + "<b onclick=\"alert(2)\">x</b>"));
    }

    @Test
    void javascriptLinksLoseTheirTargetButKeepTheirText() {
        assertEquals(
                "<a rel=\"noopener noreferrer nofollow\">click</a>",
                HtmlSanitizer.sanitize("<a href=\"javascript:alert(1)\">click</a>"));
        assertEquals(
                "<a rel=\"noopener noreferrer nofollow\">click</a>",
                HtmlSanitizer.sanitize("<a href=\"java&#x09;script:alert(1)\">click</a>"));
    }

    @Test
    void onlyHttpHttpsAndMailtoLinksAreKept() {
        assertEquals(
                "<a href=\"mailto:support@example.org\" rel=\"noopener noreferrer nofollow\">mail</a>"
                        + "<a href=\"http://example.org\" rel=\"noopener noreferrer nofollow\">web</a>"
                        + "<a rel=\"noopener noreferrer nofollow\">ftp</a>"
                        + "<a rel=\"noopener noreferrer nofollow\">relative</a>",
                HtmlSanitizer.sanitize("<a href=\"mailto:support@example.org\">mail</a>"
                        + "<a href=\"http://example.org\">web</a>"
                        + "<a href=\"ftp://example.org\">ftp</a><a href=\"/admin\">relative</a>"));
    }

    @Test
    void imagesFromDataOrJavascriptUrlsLoseTheirSource() {
        assertEquals(
                "<img alt=\"a\"><img>",
                HtmlSanitizer.sanitize(
                        "<img src=\"data:image/png;base64,AAAA\" alt=\"a\">" + "<img src=\"javascript:alert(1)\">"));
    }

    @Test
    void framesFormsAndStyleElementsAreRemoved() {
        String html = "<style>body { display: none }</style><iframe src=\"https://evil.example\"></iframe>"
                + "<form action=\"https://evil.example\"><input name=\"password\"><button>Send</button></form>"
                + "<object data=\"x.swf\"></object><p>text</p>";

        assertEquals("Send<p>text</p>", HtmlSanitizer.sanitize(html));
    }

    @Test
    void aWholeDocumentGivesItsBodyWithoutTheHead() {
        String html = "<!DOCTYPE html><html><head><title>Newsletter</title><style>p{color:red}</style>"
                + "<script>alert(1)</script></head><body><p>Привет</p></body></html>";

        assertEquals("<p>Привет</p>", HtmlSanitizer.sanitize(html));
    }

    @Test
    void inlineStylesKeepOnlyHarmlessProperties() {
        String html = "<p style=\"color: red; position: fixed; top: 0; background-image: url(https://t.example/p.gif);"
                + " text-align: center; width: expression(alert(1)); margin-top: 4px\">x</p>"
                + "<span style=\"position:absolute\">y</span>";

        assertEquals(
                "<p style=\"color: red; text-align: center; margin-top: 4px\">x</p><span>y</span>",
                HtmlSanitizer.sanitize(html));
    }

    @Test
    void theUnsubscribePlaceholderSurvivesSoATemplateCanBeSanitizedBeforeRendering() {
        String sanitized = HtmlSanitizer.sanitize(
                "<a href=\"{{ unsubscribe_url }}\">Отписаться</a>" + "<a href=\"{{full_name}}\">name</a>");

        assertEquals(
                "<a href=\"{{ unsubscribe_url }}\" rel=\"noopener noreferrer nofollow\">Отписаться</a>"
                        + "<a rel=\"noopener noreferrer nofollow\">name</a>",
                sanitized);
    }

    @Test
    void aRenderedNameStaysTextAfterSanitizing() {
        TemplateValues values =
                new TemplateValues("<img src=x onerror=alert(1)>", "a@example.org", "https://u.example/1");
        String rendered = Template.render("<p>Hi {{full_name}}</p>", values, true);

        String sanitized = HtmlSanitizer.sanitize(rendered);

        assertEquals("<p>Hi &lt;img src=x onerror=alert(1)&gt;</p>", sanitized);
        assertFalse(sanitized.contains("<img"));
    }
}
