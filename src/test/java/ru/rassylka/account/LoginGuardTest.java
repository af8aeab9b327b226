package ru.rassylka.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The keys that the login throttle and the account e-mail limits count a client address under. */
class LoginGuardTest {

    @Test
    void addressesInOneIpv6SlashSixtyFourShareOneQuota() {
        assertEquals(LoginGuard.clientKey("2001:db8:1:2::1"), LoginGuard.clientKey("2001:db8:1:2:ffff:abcd:1234:5678"));
        assertEquals(LoginGuard.clientKey("2001:db8:1:2::1"), LoginGuard.clientKey("2001:0db8:0001:0002:0:0:0:9"));
    }

    @Test
    void neighbouringIpv6NetworksHaveTheirOwnQuota() {
        assertNotEquals(LoginGuard.clientKey("2001:db8:1:2::1"), LoginGuard.clientKey("2001:db8:1:3::1"));
    }

    @Test
    void eachIpv4AddressHasItsOwnQuota() {
        assertNotEquals(LoginGuard.clientKey("203.0.113.7"), LoginGuard.clientKey("203.0.113.8"));
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
        assertEquals(LoginGuard.clientKey("203.0.113.7"), LoginGuard.clientKey("::ffff:203.0.113.7"));
        assertNotEquals(LoginGuard.clientKey("::ffff:203.0.113.7"), LoginGuard.clientKey("::ffff:203.0.113.8"));
    }

    @Test
    void somethingThatIsNoIpAddressIsCountedAsItIs() {
        assertEquals("client:unknown", LoginGuard.clientKey("unknown"));
    }
}
