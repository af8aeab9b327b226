package ru.rassylka.message;

import java.util.Arrays;
import java.util.Optional;

/** The values a subject or body can mention, written {@code {{key}}}. */
public enum Placeholder {
    FULL_NAME("full_name"),
    EMAIL("email"),
    UNSUBSCRIBE_URL("unsubscribe_url");

    private final String key;

    Placeholder(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** How the placeholder is written in a template, e.g. {@code {{full_name}}}. */
    public String token() {
        return "{{" + key + "}}";
    }

    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
