package ru.rassylka.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BodyKindTest {

    @Test
    void aBodyWithHtmlElementsIsGuessedAsHtml() {
        assertEquals(BodyKind.HTML, BodyKind.guess("<p>Здравствуйте, {{full_name}}!</p>"));
        assertEquals(BodyKind.HTML, BodyKind.guess("Hello<br>world"));
        assertEquals(BodyKind.HTML, BodyKind.guess("<!DOCTYPE html><html><body>Hi</body></html>"));
    }

    @Test
    void textWithAngleBracketsButNoHtmlElementsIsGuessedAsPlainText() {
        assertEquals(BodyKind.PLAIN_TEXT, BodyKind.guess("Здравствуйте, {{full_name}}!\n\nЦена < 100 ₽ > 50 ₽"));
        assertEquals(BodyKind.PLAIN_TEXT, BodyKind.guess("Write to <support@example.org> or <support>"));
        assertEquals(BodyKind.PLAIN_TEXT, BodyKind.guess(""));
    }
}
