package ru.rassylka.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.rassylka.message.Template;
import ru.rassylka.message.TemplateValues;

class TemplatePartsTest {

    private static final TemplateValues ANNA =
            new TemplateValues("Анна <b>&\"$1\\", "anna@example.org", "https://mail.example/unsubscribe?t=abc&x=1");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "No placeholders at all",
                "{{full_name}}",
                "Hello {{full_name}}, {{ email }}!\nLeave: {{unsubscribe_url}}",
                "{{full_name}}{{full_name}}{{email}}",
                "Unknown {{nickname}} stays, {{}} and {{ full_name stays too",
                "<p>Dear {{full_name}}</p><a href=\"{{unsubscribe_url}}\">x</a>",
                "Здравствуйте, {{full_name}}!\n\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\nОтписаться: {{unsubscribe_url}}"
            })
    void aTemplateCutOnceRendersAsTheTemplateDoesInPlainTextAndHtml(String text) {
        assertEquals(
                Template.render(text, ANNA, false),
                TemplateParts.of(text, false).render(ANNA));
        assertEquals(
                Template.render(text, ANNA, true), TemplateParts.of(text, true).render(ANNA));
    }
}
