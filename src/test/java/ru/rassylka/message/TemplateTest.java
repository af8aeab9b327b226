package ru.rassylka.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rassylka.message.TemplateProblem.Kind;

class TemplateTest {

    private static final TemplateValues BOB =
            new TemplateValues("<b>Bob</b> & \"Co\"", "bob@example.org", "https://rassylka.example/u/abc?x=1&y=2");

    private static TemplateProblem unknown(String token) {
        return new TemplateProblem(Kind.UNKNOWN_PLACEHOLDER, token);
    }

    private static TemplateProblem malformed(String token) {
        return new TemplateProblem(Kind.MALFORMED_PLACEHOLDER, token);
    }

    @Test
    void knownPlaceholdersWithOrWithoutSpacesAreValid() {
        assertEquals(
                List.of(),
                Template.validate(
                        "Здравствуйте, {{full_name}}! Письмо для {{ email }}. Отписаться: {{  unsubscribe_url\t}}"));
    }

    @Test
    void textWithoutPlaceholdersIsValid() {
        assertEquals(List.of(), Template.validate("Hello, {world} } {x}"));
    }

    @Test
    void unknownPlaceholdersAreReportedOnceAsWritten() {
        assertEquals(
                List.of(unknown("{{name}}"), unknown("{{ Email }}")),
                Template.validate("{{name}} {{full_name}} {{ Email }} {{name}}"));
    }

    @Test
    void anUnclosedPlaceholderIsMalformed() {
        assertEquals(List.of(malformed("{{full_name")), Template.validate("Dear {{full_name\nwelcome, {{email}}"));
    }

    @Test
    void aPlaceholderClosedWithOneBraceIsMalformed() {
        assertEquals(List.of(malformed("{{full_name}")), Template.validate("Dear {{full_name}, hi"));
    }

    @Test
    void anUnclosedPlaceholderAtTheEndIsMalformed() {
        assertEquals(List.of(malformed("{{ unsubscribe_url")), Template.validate("Bye: {{ unsubscribe_url"));
    }

    @Test
    void anEmptyPlaceholderIsMalformed() {
        assertEquals(List.of(malformed("{{ }}")), Template.validate("Hi {{ }}"));
    }

    @Test
    void unknownAndMalformedPlaceholdersAreReportedInOrder() {
        assertEquals(
                List.of(malformed("{{email"), unknown("{{city}}")),
                Template.validate("{{email {{full_name}} {{city}}"));
    }

    @Test
    void plainTextGetsTheValuesAsTheyAre() {
        assertEquals(
                "Hi <b>Bob</b> & \"Co\" (bob@example.org): https://rassylka.example/u/abc?x=1&y=2",
                Template.render("Hi {{full_name}} ({{ email }}): {{unsubscribe_url}}", BOB, false));
    }

    @Test
    void htmlGetsTheValuesEscapedSoTheyCannotAddMarkup() {
        assertEquals(
                "<p>Hi &lt;b&gt;Bob&lt;/b&gt; &amp; &quot;Co&quot;</p>"
                        + "<a href=\"https://rassylka.example/u/abc?x=1&amp;y=2\">unsubscribe</a>",
                Template.render("<p>Hi {{ full_name }}</p><a href=\"{{unsubscribe_url}}\">unsubscribe</a>", BOB, true));
    }

    @Test
    void valuesWithDollarSignsAndBackslashesAreInsertedLiterally() {
        TemplateValues values = new TemplateValues("$1 \\ $name", "a@example.org", "");

        assertEquals("Hi $1 \\ $name", Template.render("Hi {{full_name}}", values, false));
    }

    @Test
    void unknownPlaceholdersStayAsWrittenAndMissingValuesAreEmpty() {
        TemplateValues values = new TemplateValues("Анна", null, null);

        assertEquals(
                "Анна {{name}} [] {{full_name",
                Template.render("{{full_name}} {{name}} [{{email}}] {{full_name", values, false));
    }
}
