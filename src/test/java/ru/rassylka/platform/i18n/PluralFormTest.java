package ru.rassylka.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rassylka.platform.i18n.PluralForm.FEW;
import static ru.rassylka.platform.i18n.PluralForm.MANY;
import static ru.rassylka.platform.i18n.PluralForm.ONE;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PluralFormTest {

    private static final Locale RU = Language.RU.locale();
    private static final Locale EN = Language.EN.locale();

    @Test
    void russianCountsEndingInOneExceptElevenTakeTheSingular() {
        for (long count : List.of(1L, 21L, 101L, 1_001L, 1_000_021L)) {
            assertEquals(ONE, PluralForm.of(count, RU), String.valueOf(count));
        }
    }

    @Test
    void russianCountsEndingInTwoToFourExceptTwelveToFourteenTakeTheFewForm() {
        for (long count : List.of(2L, 3L, 4L, 22L, 34L, 102L, 1_004L)) {
            assertEquals(FEW, PluralForm.of(count, RU), String.valueOf(count));
        }
    }

    @Test
    void russianZeroTeensAndTheRestTakeTheManyForm() {
        for (long count : List.of(0L, 5L, 9L, 10L, 11L, 12L, 13L, 14L, 19L, 20L, 111L, 112L, 1_000L)) {
            assertEquals(MANY, PluralForm.of(count, RU), String.valueOf(count));
        }
    }

    @Test
    void englishHasOneAndTheRest() {
        assertEquals(ONE, PluralForm.of(1, EN));
        for (long count : List.of(0L, 2L, 3L, 21L)) {
            assertEquals(MANY, PluralForm.of(count, EN), String.valueOf(count));
        }
    }

    @Test
    void everyCountedTextHasEachFormOfItsLanguage() {
        ResourceBundle russian = ResourceBundle.getBundle("i18n.messages", RU);
        ResourceBundle english = ResourceBundle.getBundle("i18n.messages", EN);
        List<String> counted = russian.keySet().stream()
                .filter(key -> key.endsWith(".one"))
                .map(key -> key.substring(0, key.length() - ".one".length()))
                .toList();
        assertTrue(counted.contains("home.figures.mailings"), counted.toString());
        for (String base : counted) {
            Stream.of(ONE, FEW, MANY).forEach(form -> assertTrue(russian.containsKey(form.key(base)), form.key(base)));
            Stream.of(ONE, MANY)
                    .forEach(form -> assertTrue(english.containsKey(form.key(base)), "en " + form.key(base)));
        }
        assertEquals(
                "21 уникальный клиент, 3 уникальных клиента, 12 уникальных клиентов",
                "21 " + russian.getString(PluralForm.of(21, RU).key("home.figures.clients"))
                        + ", 3 " + russian.getString(PluralForm.of(3, RU).key("home.figures.clients"))
                        + ", 12 " + russian.getString(PluralForm.of(12, RU).key("home.figures.clients")));
    }
}
