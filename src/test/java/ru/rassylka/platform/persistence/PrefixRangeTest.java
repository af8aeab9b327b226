package ru.rassylka.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrefixRangeTest {

    @Test
    void rangeRunsFromTheTrimmedLowerCaseTextToTheTextWithItsLastCharacterRaised() {
        assertEquals(Optional.of(new PrefixRange("петров", "петрог")), PrefixRange.of("  Петров "));
        assertEquals(Optional.of(new PrefixRange("abc", "abd")), PrefixRange.of("ABC"));
    }

    @Test
    void wildcardsOfLikeAreOrdinaryCharactersOfTheRange() {
        assertEquals(Optional.of(new PrefixRange("c_", "c`")), PrefixRange.of("c_"));
        assertEquals(Optional.of(new PrefixRange("%", "&")), PrefixRange.of("%"));
    }

    @Test
    void lastCharacterWithoutSuccessorIsDroppedAndTheOneBeforeRaised() {
        String max = Character.toString(Character.MAX_CODE_POINT);
        assertEquals(Optional.of(new PrefixRange("a" + max, "b")), PrefixRange.of("a" + max));
        assertEquals(Optional.of(new PrefixRange("a\ud7ff", "a\ue000")), PrefixRange.of("a\ud7ff"));
        assertEquals(Optional.of(new PrefixRange("a\ud83d\ude00", "a\ud83d\ude01")), PrefixRange.of("a😀"));
    }

    @Test
    void emptyTextOrOnlyTheLastCodePointHasNoRange() {
        assertTrue(PrefixRange.of("  ").isEmpty());
        assertTrue(PrefixRange.of(null).isEmpty());
        assertTrue(PrefixRange.of(Character.toString(Character.MAX_CODE_POINT)).isEmpty());
    }
}
