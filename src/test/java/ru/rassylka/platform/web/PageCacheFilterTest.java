package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.Cookie;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageCacheFilterTest {

    private static Optional<String> key(String path, String query, Cookie... cookies) {
        return PageCacheFilter.keyOf("GET", true, path, query, cookies);
    }

    @Test
    void madeUpSpellingsOfThePublicPagesAddNoCacheKeys() {
        Set<Optional<String>> keys = new HashSet<>();
        keys.add(key("/blog/12", null));
        keys.add(key("/blog/", "page=2"));
        keys.add(key("/", null));
        for (int i = 0; i < 1000; i++) {
            keys.add(key("/blog/" + "0".repeat(i % 17 + 1) + "12", null));
            keys.add(key("/blog/", "page=" + "0".repeat(i % 5 + 1) + "2"));
            String language = "" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26);
            keys.add(key("/", null, new Cookie("lang", language)));
            keys.add(key("/blog/12", null, new Cookie("lang", language)));
        }
        // the three real pages, their English variants (made from "en" among the made-up languages), and "no key"
        assertEquals(
                Set.of(
                        Optional.of("ru /blog/12"),
                        Optional.of("ru /blog/?page=2"),
                        Optional.of("ru /"),
                        Optional.of("en /"),
                        Optional.of("en /blog/12"),
                        Optional.empty()),
                keys);
    }

    @Test
    void aVisitorWithoutALanguageCookieSharesThePagesOfTheDefaultLanguage() {
        assertEquals(key("/login", null), key("/login", null, new Cookie("lang", "ru")));
        assertEquals(key("/login", null), key("/login", null, new Cookie("lang", "zz")));
    }

    @Test
    void onlyAnonymousPlainGetsWithoutOtherCookiesHaveAKey() {
        assertEquals(Optional.empty(), PageCacheFilter.keyOf("POST", true, "/login", null, null));
        assertEquals(Optional.empty(), PageCacheFilter.keyOf("GET", false, "/login", null, null));
        assertEquals(Optional.empty(), key("/login", null, new Cookie("JSESSIONID", "x")));
        assertEquals(Optional.empty(), key("/login", "x=1"));
        assertEquals(Optional.empty(), key("/jakarta.faces.resource/../login", null));
    }
}
