package ru.rassylka.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartJsonTest {

    @Test
    void barChartCarriesLabelsAndSeries() {
        String json = ChartJson.bar(
                List.of("2026-03-01", "2026-03-02"),
                List.of(
                        new ChartJson.Series("Sent", "#0f0", List.of(5L, 7L)),
                        new ChartJson.Series("Failed", "#f00", List.of(0L, 1L))),
                true);

        assertTrue(
                json.startsWith(
                        "{\"type\":\"bar\",\"data\":{\"labels\":[\"2026-03-01\",\"2026-03-02\"],\"datasets\":["),
                json);
        assertTrue(json.contains("{\"label\":\"Sent\",\"backgroundColor\":\"#0f0\",\"data\":[5,7]}"), json);
        assertTrue(json.contains("{\"label\":\"Failed\",\"backgroundColor\":\"#f00\",\"data\":[0,1]}"), json);
        assertTrue(json.contains("\"stacked\":true"), json);
    }

    @Test
    void textsCannotCloseTheScriptOrTheString() {
        String json = ChartJson.bar(
                List.of("</script><script>alert(1)</script>"),
                List.of(new ChartJson.Series("Quote \" and \\ and\nline", "#000", List.of(1))),
                false);

        assertFalse(json.contains("</script>"), json);
        assertTrue(json.contains("\\u003c/script\\u003e"), json);
        assertTrue(json.contains("\"Quote \\\" and \\\\ and\\u000aline\""), json);
    }

    @Test
    void emptyChartIsStillValid() {
        assertEquals(
                "{\"type\":\"bar\",\"data\":{\"labels\":[],\"datasets\":[]},\"options\":{\"responsive\":true,"
                        + "\"maintainAspectRatio\":false,\"animation\":false,\"scales\":{\"y\":{\"beginAtZero\":true}}}}",
                ChartJson.bar(List.of(), List.of(), false));
    }
}
