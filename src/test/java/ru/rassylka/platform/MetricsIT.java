package ru.rassylka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.RunningService;
import ru.rassylka.testing.WebClient;

/**
 * Who reads {@code /metrics} on the service started as {@code ./run} starts it (Payara serves the
 * endpoint inside the application at the root context): a scraper with the metrics token and a
 * logged-in administrator; nobody else.
 */
class MetricsIT {

    private static final List<String> ADDRESSES =
            List.of("metrics", "metrics?scope=application", "metrics/application", "metrics/");

    private final URI base = URI.create(RunningService.baseUrl() + "/");

    @Test
    void anAnonymousVisitorReadsNoMetrics() {
        for (String address : ADDRESSES) {
            HttpResponse<String> response = new WebClient(base).get(address);

            assertEquals(401, response.statusCode(), address + ": " + response.body());
            assertFalse(response.body().contains("rassylka"), address + ": " + response.body());
        }
    }

    @Test
    void aWrongTokenReadsNoMetrics() {
        HttpResponse<String> response = new WebClient(base)
                .withHeader("Authorization", "Bearer not-the-token")
                .get("metrics");

        assertEquals(401, response.statusCode(), response.body());
        assertFalse(response.body().contains("rassylka"), response.body());
    }

    @Test
    void aScraperWithTheMetricsTokenReadsTheApplicationsMetrics() {
        HttpResponse<String> response = new WebClient(base)
                .withHeader("Authorization", "Bearer " + RunningService.METRICS_TOKEN)
                .get("metrics?scope=application");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("rassylka_deliveries_waiting"), response.body());
    }

    @Test
    void aLoggedInAdministratorReadsTheMetrics() {
        WebClient admin = new WebClient(base);
        assertEquals(
                302,
                admin.logIn(RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD)
                        .statusCode());

        HttpResponse<String> response = admin.get("metrics?scope=application");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("rassylka_messages_sent"), response.body());
    }
}
