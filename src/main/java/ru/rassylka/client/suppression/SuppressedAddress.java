package ru.rassylka.client.suppression;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * An address as the suppression list keys it: stripped, in lower case, the domain in its ASCII
 * (IDNA) form, so {@code Ivan@Почта.РФ} and {@code ivan@xn--80a1acny.xn--p1ai} are one entry; with
 * the same address with the domain in Unicode, to find clients whose address was typed that way.
 */
public record SuppressedAddress(String ascii, String unicode) {

    /** The longest address an SMTP path can carry. */
    public static final int MAX_LENGTH = 254;

    /** The address, or empty when it is no address (no local part or domain, too long, a domain IDNA refuses). */
    public static Optional<SuppressedAddress> of(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String stripped = address.strip();
        int at = stripped.lastIndexOf('@');
        if (at <= 0
                || at == stripped.length() - 1
                || stripped.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>')) {
            return Optional.empty();
        }
        String local = stripped.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = stripped.substring(at + 1).toLowerCase(Locale.ROOT);
        try {
            String ascii =
                    local + "@" + IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            String unicode =
                    local + "@" + IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (ascii.length() > MAX_LENGTH || unicode.length() > MAX_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(new SuppressedAddress(ascii, unicode));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
