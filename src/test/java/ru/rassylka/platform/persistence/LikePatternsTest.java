package ru.rassylka.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void searchTextIsTrimmedLowerCasedAndItsWildcardsAreTakenLiterally() {
        assertEquals("петров%", LikePatterns.startingWith("  Петров "));
        assertEquals("%50\\%\\_off\\\\%", LikePatterns.containing("50%_off\\"));
    }

    @Test
    void noTextMatchesEverything() {
        assertEquals("%", LikePatterns.startingWith(null));
    }
}
