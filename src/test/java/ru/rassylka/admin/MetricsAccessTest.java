package ru.rassylka.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

    private static final Optional<String> TOKEN = Optional.of("scraper-token-of-some-length");

    @Test
    void anAnonymousRequestReadsNoMetrics() {
        assertFalse(MetricsAccess.allows(false, TOKEN, null));
        assertFalse(MetricsAccess.allows(false, Optional.empty(), null));
    }

    @Test
    void theConfiguredBearerTokenReadsTheMetrics() {
        assertTrue(MetricsAccess.allows(false, TOKEN, "Bearer scraper-token-of-some-length"));
        assertTrue(MetricsAccess.allows(false, TOKEN, "bearer scraper-token-of-some-length"));
    }

    @Test
    void anotherTokenOrNoConfiguredTokenReadsNoMetrics() {
        assertFalse(MetricsAccess.allows(false, TOKEN, "Bearer scraper-token-of-some-lengt"));
        assertFalse(MetricsAccess.allows(false, TOKEN, "Basic c2NyYXBlcg=="));
        assertFalse(MetricsAccess.allows(false, TOKEN, "scraper-token-of-some-length"));
        assertFalse(MetricsAccess.allows(false, Optional.empty(), "Bearer "));
        assertFalse(MetricsAccess.allows(false, Optional.of(""), "Bearer "));
    }

    @Test
    void aLoggedInAdministratorReadsTheMetrics() {
        assertTrue(MetricsAccess.allows(true, Optional.empty(), null));
    }
}
