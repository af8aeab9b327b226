package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.TemplateValues;

class RunTemplateTest {

    private static final TemplateValues ANNA =
            new TemplateValues("Anna <script>", "anna@example.org", "https://mail.example/unsubscribe?t=abc&x=1");

    @Test
    void htmlIsSanitizedOnceAndValuesAreEscapedPerRecipient() {
        RunTemplate template = RunTemplate.of(
                "Hi {{full_name}}",
                "<p onclick=\"evil()\">Dear {{full_name}}</p><script>alert(1)</script><a href=\"{{unsubscribe_url}}\">Unsubscribe</a>",
                BodyKind.HTML);
        RunTemplate.Rendered mail = template.render(ANNA);
        assertEquals("Hi Anna <script>", mail.subject());
        assertTrue(mail.html().contains("Dear Anna &lt;script&gt;"), mail.html());
        assertTrue(mail.html().contains("href=\"https://mail.example/unsubscribe?t=abc&amp;x=1\""), mail.html());
        assertFalse(mail.html().contains("onclick"), mail.html());
        assertFalse(mail.html().contains("alert"), mail.html());
    }

    @Test
    void htmlGetsAPlainTextAlternativeWithTheLinkWritten() {
        RunTemplate.Rendered mail = RunTemplate.of(
                        "S",
                        "<p>Dear {{full_name}}</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>",
                        BodyKind.HTML)
                .render(ANNA);
        assertEquals("Dear Anna <script>\n\nUnsubscribe (https://mail.example/unsubscribe?t=abc&x=1)", mail.text());
    }

    @Test
    void plainTextHasNoHtmlPartAndValuesGoInAsTheyAre() {
        RunTemplate.Rendered mail = RunTemplate.of(
                        "For {{email}}", "Hello {{full_name}}, leave: {{unsubscribe_url}}", BodyKind.PLAIN_TEXT)
                .render(ANNA);
        assertEquals("For anna@example.org", mail.subject());
        assertEquals("Hello Anna <script>, leave: https://mail.example/unsubscribe?t=abc&x=1", mail.text());
        assertNull(mail.html());
    }

    @Test
    void aLineBreakInANameCannotSplitTheSubject() {
        RunTemplate.Rendered mail = RunTemplate.of("Hi {{full_name}}", "x", BodyKind.PLAIN_TEXT)
                .render(new TemplateValues("Anna\r\nBcc: all@example.org", "a@example.org", "u"));
        assertEquals("Hi Anna Bcc: all@example.org", mail.subject());
    }
}
