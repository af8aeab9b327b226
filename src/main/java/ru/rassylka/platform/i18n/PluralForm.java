package ru.rassylka.platform.i18n;

import java.util.Locale;

/**
 * The form a noun takes after a number. Russian has three (1 рассылка, 2 рассылки, 5 рассылок;
 * 21 like 1, 12 like 5), English two (one, and the rest under {@link #MANY}). A message bundle
 * holds a counted text under its key plus {@code .one}, {@code .few} (Russian only) and {@code .many}.
 */
public enum PluralForm {
    ONE,
    FEW,
    MANY;

    public static PluralForm of(long count, Locale locale) {
        long n = Math.abs(count);
        if (!Language.RU.code().equals(locale.getLanguage())) {
            return n == 1 ? ONE : MANY;
        }
        long lastDigit = n % 10;
        long lastTwo = n % 100;
        if (lastDigit == 1 && lastTwo != 11) {
            return ONE;
        }
        if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return FEW;
        }
        return MANY;
    }

    /** The bundle key of the counted text in this form. */
    public String key(String base) {
        return base + "." + name().toLowerCase(Locale.ROOT);
    }
}
