package ru.rassylka.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessagePreviewTest {

    private static final TemplateValues IVAN =
            new TemplateValues("Иван Иванов", "ivan@example.org", "https://rassylka.example/unsubscribe?token=t");

    @Test
    void subjectAndPlainBodyGetTheClientsValues() {
        MessagePreview preview = MessagePreview.of(
                new MessageDraft(
                        "Привет, {{full_name}}", "Ваш адрес: {{ email }}\n<b>как есть</b>", BodyKind.PLAIN_TEXT),
                IVAN);

        assertEquals("Привет, Иван Иванов", preview.subject());
        assertEquals("Ваш адрес: ivan@example.org\n<b>как есть</b>", preview.body());
        assertFalse(preview.html());
    }

    @Test
    void htmlBodyIsSanitizedAfterTheValuesAreFilledIn() {
        MessagePreview preview = MessagePreview.of(
                new MessageDraft(
                        "Тема",
                        "<p onclick=\"steal()\">Здравствуйте, {{full_name}}!</p><script>alert(1)</script>"
                                + "<a href=\"{{unsubscribe_url}}\">Отписаться</a>",
                        BodyKind.HTML),
                IVAN);

        assertTrue(preview.html());
        assertEquals(
                "<p>Здравствуйте, Иван Иванов!</p>"
                        + "<a href=\"https://rassylka.example/unsubscribe?token=t\" rel=\"noopener noreferrer nofollow\">Отписаться</a>",
                preview.body());
    }

    @Test
    void markupInAClientsNameStaysText() {
        TemplateValues tricky = new TemplateValues("<img src=x onerror=alert(1)>", "a@example.org", "");

        MessagePreview preview =
                MessagePreview.of(new MessageDraft("{{full_name}}", "<p>{{full_name}}</p>", BodyKind.HTML), tricky);

        assertEquals("<p>&lt;img src=x onerror=alert(1)&gt;</p>", preview.body());
        assertEquals(
                "<img src=x onerror=alert(1)>", preview.subject(), "the page escapes the subject when it shows it");
    }
}
