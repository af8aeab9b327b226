package ru.rassylka.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;

/** One check as the administrator sees it: up or not, what it found, and the error if any. */
public record HealthDetails(String name, boolean up, Map<String, Object> data, String error) {

    public static HealthDetails up(String name, Map<String, Object> data) {
        return new HealthDetails(name, true, data, null);
    }

    public static HealthDetails down(String name, Map<String, Object> data, String error) {
        return new HealthDetails(name, false, data, error);
    }

    /** A small JSON object of this check; values are strings, numbers or booleans. */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("status", up ? "UP" : "DOWN");
        fields.putAll(data);
        if (error != null) {
            fields.put("error", error);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "")
                .append(quote(key))
                .append(':')
                .append(
                        value instanceof Boolean || value instanceof Number
                                ? value.toString()
                                : quote(String.valueOf(value))));
        return json.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
