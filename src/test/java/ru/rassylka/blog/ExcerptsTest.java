package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void shortContentIsItsPlainText() {
        assertEquals("Заголовок Первый абзац.", Excerpts.of("<h2>Заголовок</h2><p>Первый <b>абзац</b>.</p>", 300));
    }

    @Test
    void longContentIsCutAtAWordWithAnEllipsis() {
        String excerpt = Excerpts.of("<p>" + "слово ".repeat(100) + "</p>", 50);

        assertTrue(excerpt.length() <= 50, excerpt);
        assertTrue(excerpt.endsWith("слово…"), excerpt);
    }
}
