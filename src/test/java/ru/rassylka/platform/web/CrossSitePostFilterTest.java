package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossSitePostFilterTest {

    /** Behind a proxy that ends TLS: the server is addressed over plain HTTP, browsers see BASE_URL. */
    private static final Set<String> OWN = Set.of("http://10.0.0.5:8080", "https://mail.example.org");

    @Test
    void aPostFromAnotherSitesPageIsForeign() {
        assertTrue(CrossSitePostFilter.isForeign("https://evil.example", null, OWN));
    }

    @Test
    void aPostFromThePublicAddressBehindAProxyIsOurs() {
        assertFalse(CrossSitePostFilter.isForeign("https://mail.example.org", "same-origin", OWN));
        assertFalse(CrossSitePostFilter.isForeign("HTTPS://Mail.Example.org:443", null, OWN));
    }

    @Test
    void aPostToTheAddressTheServerWasReachedAtIsOurs() {
        assertFalse(CrossSitePostFilter.isForeign("http://10.0.0.5:8080", null, OWN));
    }

    @Test
    void anotherSchemeOrPortOfOurHostIsForeign() {
        assertTrue(CrossSitePostFilter.isForeign("http://mail.example.org", null, OWN));
        assertTrue(CrossSitePostFilter.isForeign("https://mail.example.org:8443", null, OWN));
    }

    @Test
    void anOpaqueOrUnreadableOriginIsForeign() {
        assertTrue(CrossSitePostFilter.isForeign("null", null, OWN));
        assertTrue(CrossSitePostFilter.isForeign("not an origin", null, OWN));
    }

    @Test
    void withoutAnOriginOnlyACrossSiteFetchIsForeign() {
        assertTrue(CrossSitePostFilter.isForeign(null, "cross-site", OWN));
        assertFalse(CrossSitePostFilter.isForeign(null, "same-origin", OWN));
        assertFalse(CrossSitePostFilter.isForeign(null, null, OWN), "old browsers and scripts send neither");
    }

    @Test
    void anOriginDropsThePathAndTheSchemesDefaultPort() {
        assertEquals(
                Optional.of("https://mail.example.org"),
                CrossSitePostFilter.originOf("https://mail.example.org:443/rassylka/"));
        assertEquals(Optional.of("http://[::1]:8080"), CrossSitePostFilter.originOf("http://[::1]:8080"));
    }
}
