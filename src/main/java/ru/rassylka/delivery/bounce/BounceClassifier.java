package ru.rassylka.delivery.bounce;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts a failed delivery into a hard or a soft bounce from its enhanced status code (RFC 3463)
 * and the server's reason.
 *
 * <p>Hard means the address itself is bad: an unknown user or mailbox, a bad address syntax or a
 * domain that does not exist ({@code 5.1.1}, {@code 5.1.2}, {@code 5.1.3}, {@code 5.1.6},
 * {@code 5.1.10}, or a 5xx whose text says so: "user unknown", "no such user", "does not exist",
 * "mailbox unavailable", "host not found"…). Everything else is soft: every 4.x.x, and the 5xx
 * refusals for spam, policy, a block list, a full or disabled mailbox, a message too big
 * ({@code 5.2.x}, {@code 5.3.x}, {@code 5.4.x}, {@code 5.7.x}…). Those refuse this e-mail from this
 * sender today, not the address: they are no reason to suppress an address forever, so a soft
 * bounce only counts towards the suppression threshold.
 */
public final class BounceClassifier {

    /** Subject.detail codes of class 5 that say the address is bad. */
    private static final Set<String> BAD_ADDRESS_CODES = Set.of("1.1", "1.2", "1.3", "1.6", "1.10");
    /** Subject.detail codes that are about the sender's address, not the recipient's. */
    private static final Set<String> SENDER_CODES = Set.of("1.7", "1.8");

    private static final Pattern ENHANCED_CODE =
            Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");
    private static final Pattern REPLY_CODE = Pattern.compile("(?<![\\d.#])([245])\\d\\d(?=[\\s\\-.:,)]|$)");

    /** Reasons that refuse the e-mail or the sender, not the address; checked before the bad-address ones. */
    private static final Pattern NOT_THE_ADDRESS = Pattern.compile(String.join(
            "|",
            "mailbox (is )?full",
            "mailbox size limit",
            "(over|exceed\\w*)( the| its| their| his| her)? ?(storage |disk )?quota",
            "quota exceeded",
            "insufficient (system )?storage",
            "out of storage",
            "storage (space )?(limit|full)",
            "too many (messages|recipients|connections|emails)",
            "rate limit",
            "sending rate",
            "spam",
            "junk",
            "blacklist",
            "black list",
            "blocklist",
            "block list",
            "blocked",
            "\\brbl\\b",
            "dnsbl",
            "spamhaus",
            "spamcop",
            "reputation",
            "polic(y|ies)",
            "not authori[sz]ed to send",
            "relay(ing)? (denied|not permitted|access denied)",
            "not permitted to relay",
            "virus",
            "malware",
            "message (size|too (big|large))",
            "too (big|large)",
            "size limit",
            "exceeds? (the )?(maximum|size)",
            "dmarc",
            "\\bspf\\b",
            "\\bdkim\\b",
            "authenticat",
            "temporar",
            "try again",
            "timed? ?out",
            "connection (refused|reset|timed)",
            "suspended",
            "account (is |has been )?disabled",
            "inactive",
            "greylist",
            "graylist",
            "content (rejected|filter)",
            "rejected (by|due to|for) ",
            "refused to talk",
            "mail loop",
            "loops back",
            "too many hops",
            "\\bsender\\b",
            "from: domain",
            "after mail from",
            "ptr record",
            "reverse dns",
            "access denied"));

    /** Phrases that name an unknown address whatever else the reason says; checked first. */
    private static final Pattern SURELY_BAD_ADDRESS = Pattern.compile(String.join(
            "|",
            "user ?unknown",
            "unknown user",
            "no such (user|mailbox|recipient)",
            "(user|mailbox|recipient) not found",
            "recipient address rejected: (access denied|user unknown|undeliverable address)",
            "address couldn'?t be found",
            "(mailbox|address|account|user) does not exist",
            "not listed in domino"));

    /** Reasons that say the address itself is bad (unknown user, mailbox or domain). */
    private static final Pattern BAD_ADDRESS = Pattern.compile(String.join(
            "|",
            "user ?unknown",
            "unknown user",
            "unknown (e-?mail |local |)(recipient|mailbox|address|account|alias)",
            "unknown local[- ]part",
            "no such (user|mailbox|recipient|address|account|person|domain|local user)",
            "(user|mailbox|address|account|recipient|alias) (does not|doesn't|did not) exist",
            "does not exist",
            "doesn'?t have an? .{0,40}account",
            "(user|mailbox|recipient|account|address) (was )?not found",
            "couldn'?t be found",
            "could not be found",
            "recip\\w*notfound",
            "mailbox unavailable",
            "invalid (recipient|mailbox|address|e-?mail address|user)",
            "not a valid (mailbox|recipient|user|address)",
            "no mailbox",
            "mailbox (is )?unknown",
            "bad destination (mailbox|system)",
            "(host|domain)( or domain)?( name)? not found",
            "unrouteable",
            "unroutable",
            "no such host",
            "host unknown",
            "domain (is )?unknown",
            "name service error",
            "not our customer",
            "addressee unknown",
            "unknown or illegal alias",
            "recipient (is )?invalid",
            "no (valid )?mx",
            "null mx",
            "does not accept mail",
            "user doesn'?t exist",
            "address no longer",
            "no longer (valid|in use|available)",
            "has moved",
            "no valid recipients",
            "is not a known user",
            "not listed in",
            "name is not recognized",
            "recipient not recognized",
            "address rejected",
            "пользователь не найден",
            "нет такого",
            "не существует",
            "адрес не найден"));

    private BounceClassifier() {}

    /**
     * The class of a failure, or null when neither the code nor the reason says that an e-mail
     * failed (a 2.x.x code, or nothing at all).
     *
     * @param statusCode an enhanced status code such as {@code 5.1.1}, or null
     * @param diagnostic the server's reason, or null
     */
    public static BounceClass classify(String statusCode, String diagnostic) {
        String text = diagnostic == null ? "" : diagnostic.toLowerCase(Locale.ROOT);
        String code = statusCode != null ? statusCode : enhancedCode(text);
        char statusClass = code != null ? code.charAt(0) : replyClass(text);
        if (statusClass == '2') {
            return null;
        }
        if (statusClass == '4') {
            return BounceClass.SOFT;
        }
        if (code != null && statusClass == '5' && BAD_ADDRESS_CODES.contains(code.substring(2))) {
            return BounceClass.HARD;
        }
        if (code != null && SENDER_CODES.contains(code.substring(2))) {
            return BounceClass.SOFT;
        }
        if (statusClass == '5' && SURELY_BAD_ADDRESS.matcher(text).find()
                || statusClass == ' ' && SURELY_BAD_ADDRESS.matcher(text).find()) {
            return BounceClass.HARD;
        }
        if (NOT_THE_ADDRESS.matcher(text).find()) {
            return BounceClass.SOFT;
        }
        if (BAD_ADDRESS.matcher(text).find()) {
            return BounceClass.HARD;
        }
        return statusClass == '5' ? BounceClass.SOFT : null;
    }

    /** The first enhanced status code in a text ({@code 5.1.1}), or null. */
    public static String enhancedCode(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ENHANCED_CODE.matcher(text);
        return m.find() ? m.group(1) + "." + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3)) : null;
    }

    /** The class digit of the first SMTP reply code (4xx, 5xx) in a text, or a space. */
    static char replyClass(String text) {
        Matcher m = REPLY_CODE.matcher(text);
        while (m.find()) {
            char c = m.group(1).charAt(0);
            if (c == '4' || c == '5') {
                return c;
            }
        }
        return ' ';
    }

    /** A code without its detail: the class of a reply code in a text as {@code 5.0.0}, or null. */
    static String codeFromReply(String text) {
        char c = text == null ? ' ' : replyClass(text);
        return c == ' ' ? null : c + ".0.0";
    }
}
