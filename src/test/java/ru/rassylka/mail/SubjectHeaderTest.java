package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.internet.MimeUtility;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubjectHeaderTest {

    private static final String[] PIECES = {
        "a",
        "Новости",
        " ",
        "  ",
        "\t",
        "для",
        "Получатель 12345",
        "=",
        "_",
        "?",
        "\"",
        "(x)",
        "€",
        "\uD83D\uDE00",
        "\uD83D",
        "\u0001",
        "\u007F",
        "news ",
        "x".repeat(40),
        "Ж".repeat(30),
        "word-with-no-space".repeat(5)
    };

    static Stream<String> subjects() {
        return Stream.of(
                "",
                "News for Anna",
                "Новости для Получатель 12345",
                "Новости для Анны Петровой, декабрь 2026 года, выпуск номер двенадцать",
                "Hi Anna <script> & \"friends\"",
                "Mostly ASCII with one ё letter and a long tail of words that goes past the fold",
                "x".repeat(100),
                " leading space and trailing spaces   ",
                "  ",
                "emoji \uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00 in a Cyrillic тексте тексте тексте тексте",
                "a_b=c?d");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void encodesAndFoldsAsJakartaMailSetsASubject(String subject) throws Exception {
        assertEquals(MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null)), SubjectHeader.of(subject));
    }

    @Test
    void encodesManyMixedSubjectsAsJakartaMailDoes() throws Exception {
        Random random = new Random(7122026);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder subject = new StringBuilder();
            int pieces = random.nextInt(14);
            for (int j = 0; j < pieces; j++) {
                subject.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = subject.toString();
            assertEquals(
                    MimeUtility.fold(9, MimeUtility.encodeText(text, "UTF-8", null)),
                    SubjectHeader.of(text),
                    () -> "the subject " + text);
        }
    }

    @Test
    void aSubjectWithALineBreakIsEncodedByJakartaMailItself() throws Exception {
        String subject = "Первая строка\r\nвторая";
        assertEquals(MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null)), SubjectHeader.of(subject));
    }
}
