package ru.rassylka.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;

/**
 * Addresses as they go out. An internationalised domain ({@code почта.рф}) always travels in its
 * ASCII form ({@code xn--80a1acny.xn--p1ai}, IDNA), in the envelope and in the headers: every
 * server understands it. A local part is never changed: if it has a non-ASCII character
 * ({@code стас@…}) the address can travel only with SMTPUTF8 (RFC 6531), which the server must
 * offer; otherwise it is not sent at all, since Jakarta Mail would cut each character to its low
 * byte and the e-mail would reach somebody else.
 */
public final class MailAddresses {

    private MailAddresses() {}

    /** The address with its domain in ASCII form; the local part stays byte for byte as it is. */
    public static String forSending(String address) throws AddressException {
        int at = address.lastIndexOf('@');
        if (at < 0 || isAscii(address.substring(at + 1))) {
            return address;
        }
        try {
            return address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new AddressException("The domain cannot be written in ASCII (IDNA): " + e.getMessage(), address);
        }
    }

    /** The address with its domain in ASCII form, its display name kept. */
    public static InternetAddress forSending(InternetAddress address) throws AddressException {
        InternetAddress sendable = (InternetAddress) address.clone();
        sendable.setAddress(forSending(address.getAddress()));
        return sendable;
    }

    /** Whether the address can travel only with SMTPUTF8: its local part has a non-ASCII character. */
    public static boolean needsSmtputf8(String address) {
        int at = address.lastIndexOf('@');
        return !isAscii(at < 0 ? address : address.substring(0, at));
    }

    private static boolean isAscii(String text) {
        // a plain loop: asked several times for every e-mail
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
