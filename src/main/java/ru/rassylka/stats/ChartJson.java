package ru.rassylka.stats;

import java.util.List;

/**
 * The configuration of a Chart.js bar chart as the JSON text {@code p:chart} takes: labels and
 * data sets of numbers, with the texts escaped. No script is written, only data.
 */
public final class ChartJson {

    /** One series of the chart. */
    public record Series(String label, String color, List<? extends Number> values) {}

    private ChartJson() {}

    public static String bar(List<String> labels, List<Series> series, boolean stacked) {
        StringBuilder json = new StringBuilder("{\"type\":\"bar\",\"data\":{\"labels\":[");
        for (int i = 0; i < labels.size(); i++) {
            json.append(i == 0 ? "" : ",");
            string(json, labels.get(i));
        }
        json.append("],\"datasets\":[");
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            json.append(i == 0 ? "{" : ",{").append("\"label\":");
            string(json, one.label());
            json.append(",\"backgroundColor\":");
            string(json, one.color());
            json.append(",\"data\":[");
            for (int j = 0; j < one.values().size(); j++) {
                json.append(j == 0 ? "" : ",").append(one.values().get(j));
            }
            json.append("]}");
        }
        json.append("]},\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,\"animation\":false");
        if (stacked) {
            json.append(",\"scales\":{\"x\":{\"stacked\":true},\"y\":{\"stacked\":true,\"beginAtZero\":true}}");
        } else {
            json.append(",\"scales\":{\"y\":{\"beginAtZero\":true}}");
        }
        return json.append("}}").toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '<' -> json.append("\\u003c");
                case '>' -> json.append("\\u003e");
                case '&' -> json.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
