package ru.rassylka.delivery.bounce;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a recipient's permanent failure says the address itself is bad (unknown user or
 * domain), which suppresses it for good, rather than spam, policy or a full mailbox, which do not.
 * Decided by the enhanced status code (RFC 3463: 5.1.1 bad mailbox, 5.1.2 bad domain, 5.1.3 bad
 * syntax, 5.1.6 moved, 5.1.10 null MX) and, when there is none, by the common wordings.
 */
public final class AddressRefusals {

    private static final Pattern ENHANCED =
            Pattern.compile("(?<![0-9.])([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9.])");
    private static final List<String> BAD_ADDRESS_WORDS = List.of(
            "user unknown",
            "unknown user",
            "no such user",
            "no such mailbox",
            "no such recipient",
            "unknown recipient",
            "recipient unknown",
            "mailbox not found",
            "mailbox does not exist",
            "user does not exist",
            "address does not exist",
            "account does not exist",
            "recipient not found",
            "invalid recipient",
            "unrouteable address",
            "no mailbox here",
            "user not found",
            "host or domain name not found",
            "domain not found");

    private AddressRefusals() {}

    /** Whether an SMTP reply (code and text) refusing a recipient says the address does not exist. */
    public static boolean isAddressBad(int code, String reply) {
        return code >= 500 && code < 600 && saysAddressBad(reply);
    }

    private static boolean saysAddressBad(String text) {
        if (text == null) {
            return false;
        }
        Matcher enhanced = ENHANCED.matcher(text);
        if (enhanced.find()) {
            int subject = Integer.parseInt(enhanced.group(2));
            int detail = Integer.parseInt(enhanced.group(3));
            // 5.1.x is the address; 5.1.7 and 5.1.8 are about the sender's address
            return enhanced.group(1).equals("5") && subject == 1 && detail != 7 && detail != 8;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return BAD_ADDRESS_WORDS.stream().anyMatch(lower::contains);
    }
}
