package ru.rassylka.platform.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages of the interface; Russian comes first and is the default. */
public enum Language {
    RU,
    EN;

    public static final Language DEFAULT = RU;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values())
                .filter(language -> language.code().equals(code))
                .findFirst();
    }
}
