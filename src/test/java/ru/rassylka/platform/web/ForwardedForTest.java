package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("10.0.0.1", ForwardedFor.client("10.0.0.1", List.of("203.0.113.7"), Set.of()));
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotNameAnotherAddress() {
        assertEquals("198.51.100.9", ForwardedFor.client("198.51.100.9", List.of("203.0.113.7"), PROXIES));
    }

    @Test
    void behindATrustedProxyTheAddressItReceivedTheRequestFromCounts() {
        assertEquals("203.0.113.7", ForwardedFor.client("10.0.0.1", List.of("203.0.113.7"), PROXIES));
    }

    @Test
    void anIpv6ProxyIsRecognisedInEitherSpelling() {
        assertEquals(
                "203.0.113.7",
                ForwardedFor.client("0:0:0:0:0:0:0:1", List.of("203.0.113.7"), Set.of(ForwardedFor.canonical("::1"))));
    }

    @Test
    void addressesAClientPutInFrontOfTheProxiesAreNotBelieved() {
        assertEquals(
                "203.0.113.7", ForwardedFor.client("10.0.0.1", List.of("192.0.2.66, 203.0.113.7, 10.0.0.2"), PROXIES));
    }

    @Test
    void severalHeaderLinesAreReadInOrderSoTheClientCannotPickItsAddress() {
        // the client sent a line of its own; the proxy (HAProxy's option forwardfor) added another
        assertEquals("203.0.113.7", ForwardedFor.client("10.0.0.1", List.of("192.0.2.66", "203.0.113.7"), PROXIES));
    }

    @Test
    void withoutTheHeaderTheRemoteAddressCounts() {
        assertEquals("203.0.113.7", ForwardedFor.client("203.0.113.7", List.of(), PROXIES));
    }
}
