package ru.rassylka.client;

import java.util.Locale;

/**
 * A pragmatic e-mail address check: one {@code @}, a non-empty local part and a domain with a
 * dot, no spaces, at most 254 characters. The mail server has the last word; this only keeps
 * obvious typos out of the client list.
 */
public final class EmailAddresses {

    /** The longest address an SMTP path can carry (RFC 5321). */
    public static final int MAX_LENGTH = 254;

    private static final int LOCAL_PART_MAX_LENGTH = 64;
    private static final String FORBIDDEN = "()<>[]\\,;:\"";

    private EmailAddresses() {}

    /** The address as it is stored and compared: without surrounding spaces, in lower case. */
    public static String normalize(String address) {
        if (address == null) {
            return null;
        }
        return stripSpaces(address).toLowerCase(Locale.ROOT);
    }

    /** Whether the address, taken as given (not normalised), looks deliverable. */
    public static boolean isValid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@')) {
            return false;
        }
        return isLocalPart(address.substring(0, at)) && isDomain(address.substring(at + 1));
    }

    private static boolean isLocalPart(String local) {
        return local.length() <= LOCAL_PART_MAX_LENGTH
                && !local.startsWith(".")
                && !local.endsWith(".")
                && !local.contains("..")
                && local.codePoints().allMatch(EmailAddresses::isLocalPartCharacter);
    }

    private static boolean isLocalPartCharacter(int codePoint) {
        return !isSpace(codePoint) && !Character.isISOControl(codePoint) && FORBIDDEN.indexOf(codePoint) < 0;
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            // Letters of any script are allowed: internationalised domains such as почта.рф
            if (!label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    // Spreadsheets often leave no-break spaces and byte order marks around pasted addresses
    private static String stripSpaces(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == '\uFEFF';
    }
}
