package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

class MailAddressesTest {

    @Test
    void anInternationalDomainGoesOutInItsAsciiForm() throws Exception {
        assertEquals("ivan@xn--80a1acny.xn--p1ai", MailAddresses.forSending("ivan@почта.рф"));
        assertFalse(
                MailAddresses.needsSmtputf8("ivan@почта.рф"), "the domain has an ASCII form, so no SMTPUTF8 is needed");
    }

    @Test
    void aCyrillicLocalPartIsNeverChangedAndNeedsSmtputf8() throws Exception {
        assertEquals("стас@example.com", MailAddresses.forSending("стас@example.com"));
        assertTrue(MailAddresses.needsSmtputf8("стас@example.com"));
    }

    @Test
    void aCyrillicLocalPartAtAnInternationalDomainKeepsItsLocalPart() throws Exception {
        assertEquals("стас@xn--80a1acny.xn--p1ai", MailAddresses.forSending("стас@почта.рф"));
        assertTrue(MailAddresses.needsSmtputf8("стас@почта.рф"));
    }

    @Test
    void anAsciiAddressStaysByteForByte() throws Exception {
        assertEquals("Ivan.Petrov+news@Example.COM", MailAddresses.forSending("Ivan.Petrov+news@Example.COM"));
        assertFalse(MailAddresses.needsSmtputf8("Ivan.Petrov+news@Example.COM"));
    }

    @Test
    void aDomainWithoutAnAsciiFormIsAnInvalidAddress() {
        String tooLong = "ivan@" + "я".repeat(70) + ".рф";
        AddressException refused = assertThrows(AddressException.class, () -> MailAddresses.forSending(tooLong));
        assertTrue(refused.getMessage().contains("IDNA"), refused.getMessage());
    }

    @Test
    void theDisplayNameStaysWithTheAsciiForm() throws Exception {
        InternetAddress named = new InternetAddress("ivan@почта.рф", "Иван Петров", "UTF-8");

        InternetAddress sendable = MailAddresses.forSending(named);

        assertEquals("ivan@xn--80a1acny.xn--p1ai", sendable.getAddress());
        assertEquals("Иван Петров", sendable.getPersonal());
        assertEquals("ivan@почта.рф", named.getAddress(), "the original is left as it was");
    }
}
