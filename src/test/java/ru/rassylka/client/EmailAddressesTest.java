package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ivan@example.ru",
                "Ivan.Petrov+news@Mail.Example.ORG",
                "o'neil@example.co.uk",
                "user_1-2@sub-domain.example.com",
                "иван@почта.рф"
            })
    void plausibleAddressesAreValid(String address) {
        assertTrue(EmailAddresses.isValid(address));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ivan",
                "ivan@",
                "@example.ru",
                "ivan@example",
                "ivan@@example.ru",
                "ivan@petrov@example.ru",
                "ivan petrov@example.ru",
                "ivan@exa mple.ru",
                " ivan@example.ru",
                "ivan@example..ru",
                "ivan@.example.ru",
                "ivan@example.ru.",
                "ivan@-example.ru",
                ".ivan@example.ru",
                "ivan.@example.ru",
                "iv..an@example.ru",
                "\"ivan\"@example.ru",
                "ivan,petrov@example.ru",
                "Ivan <ivan@example.ru>",
                "ivan@exam_ple.ru",
                "ivan\u00A0@example.ru"
            })
    void implausibleAddressesAreInvalid(String address) {
        assertFalse(EmailAddresses.isValid(address));
    }

    @Test
    void nullIsInvalid() {
        assertFalse(EmailAddresses.isValid(null));
    }

    @Test
    void aLocalPartLongerThan64CharactersIsInvalid() {
        assertTrue(EmailAddresses.isValid("a".repeat(64) + "@example.ru"));
        assertFalse(EmailAddresses.isValid("a".repeat(65) + "@example.ru"));
    }

    @Test
    void anAddressLongerThan254CharactersIsInvalid() {
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".ru";
        String longest = "a".repeat(64) + "@" + domain;

        assertEquals(254, longest.length());
        assertTrue(EmailAddresses.isValid(longest));
        assertFalse(EmailAddresses.isValid("a" + longest));
    }

    @Test
    void normalizingTrimsSpacesOfAnyKindAndLowerCases() {
        assertEquals("ivan.petrov@example.ru", EmailAddresses.normalize(" \u00A0Ivan.Petrov@EXAMPLE.ru\t\uFEFF"));
        assertEquals("иван@почта.рф", EmailAddresses.normalize("ИВАН@Почта.РФ"));
        assertNull(EmailAddresses.normalize(null));
    }
}
