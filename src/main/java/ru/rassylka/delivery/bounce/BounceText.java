package ru.rassylka.delivery.bounce;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human-readable part of a bounce that has no delivery-status fields, as qmail, Exim,
 * old Sendmail, Exchange, Gmail, Yahoo, Mail.ru, Yandex and others write it: the failed address,
 * the status code near it and the line that gives the reason.
 */
final class BounceText {

    static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._%+\\-=/!#$&'*?^`{|}~]*@(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}");

    /** Where a copy of the returned e-mail starts inside a plain-text bounce. */
    private static final Pattern RETURNED_COPY = Pattern.compile(
            "(?im)^[\\s\\-=*_>]*(this is a copy of the message|below this line is a copy of the message|"
                    + "original message follows|original message header|the original message (was|headers?)|"
                    + "returned message|undelivered message (attached|headers follow)|message text follows|"
                    + "text of the (original )?message|headers of the original message|"
                    + "unsent message below|copy of the (original )?message|original message details|"
                    + "the header of (the|your) (original )?message)");

    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?m)^(Return-Path|Received|Message-I[dD]|From|To|Subject|Date|MIME-Version|DKIM-Signature|X-[A-Za-z-]+): ");

    /** Lines that name an address without it being the one that failed. */
    private static final Pattern NOT_A_RECIPIENT_LINE = Pattern.compile(
            "(?i)^\\s*((message-id|in-reply-to|references|from|reply-to|sender|return-path|received|to|cc|"
                    + "dkim-signature|x-[\\w-]+|arc-[\\w-]+|authentication-results|list-[\\w-]+|envelope-from):|"
                    + "(by|with|id) )");

    /** Words near the failed address in free-form bounces. */
    private static final Pattern FAILURE_CUE = Pattern.compile("(?iu)(unknown|no such|not exist|doesn'?t exist|failed|"
            + "failure|rejected|refused|denied|undeliver|could not|couldn'?t|unable|not found|invalid|full|quota|"
            + "blocked|unavailable|permanent|error|disabled|delay|not delivered|not recognized|not reach|not listed|"
            + "\\b[45]\\d\\d\\b|\\b[45]\\.\\d|"
            + "не доставлен|не существует|не найден|ошибк)");

    private static final Pattern QMAIL = Pattern.compile("(?m)^<([^>\\s]+@[^>\\s]+)>:?\\s*$");
    private static final Pattern RCPT_TO =
            Pattern.compile("(?im)\\bRCPT TO:\\s*<?([^\\s<>]+@[^\\s<>]+?)>?(?=[\\s:;,)]|$)");
    private static final Pattern FIELD_RECIPIENT = Pattern.compile(
            "(?im)^\\s*(Original|Final)-Recipient:\\s*(?:rfc822;)?\\s*<?([^\\s<>;]+@[^\\s<>;]+?)>?\\s*$");
    private static final Pattern FIELD_STATUS = Pattern.compile("(?im)^\\s*Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern FIELD_DIAGNOSTIC =
            Pattern.compile("(?im)^\\s*Diagnostic-Code:\\s*(?:[a-z-]+;)?\\s*(.+)$");
    private static final Pattern TEMPORARY = Pattern.compile("(?iu)(will (continue|keep) (trying|to try)|still trying|"
            + "will (be )?retr|not yet been delivered|delayed|temporar|warning: could not send|"
            + "has not been delivered yet|задерж)");

    /** What the text says about one failed address. */
    record Finding(String recipient, String statusCode, String diagnostic, boolean fromFields) {}

    private BounceText() {}

    /** The part of a plain-text bounce before the copy of the returned e-mail. */
    static String reportPart(String text) {
        Matcher copy = RETURNED_COPY.matcher(text);
        return copy.find() && copy.start() > 0 ? text.substring(0, copy.start()) : text;
    }

    /** The copy of the returned e-mail's headers inside a plain-text bounce, from its first header line, or "". */
    static String returnedPart(String text) {
        Matcher copy = RETURNED_COPY.matcher(text);
        int from = copy.find() ? copy.end() : -1;
        if (from < 0) {
            return "";
        }
        Matcher header = HEADER_LINE.matcher(text);
        return header.find(from) ? text.substring(header.start()) : "";
    }

    /** The failed address and its reason in a bounce's text, or null when none is named. */
    static Finding find(String text, Set<String> notRecipients) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Finding fields = fromFields(text, notRecipients);
        if (fields != null) {
            return fields;
        }
        String report = reportPart(text);
        Matcher qmail = QMAIL.matcher(report);
        while (qmail.find()) {
            String address = normalize(qmail.group(1));
            if (!notRecipients.contains(address)) {
                return withReason(address, report, qmail.end(), text);
            }
        }
        Matcher rcptTo = RCPT_TO.matcher(report);
        while (rcptTo.find()) {
            String address = normalize(rcptTo.group(1));
            if (!notRecipients.contains(address) && !isRole(address)) {
                return withReason(address, report, rcptTo.start(), text);
            }
        }
        String[] lines = report.split("\n", -1);
        int offset = 0;
        String firstAddress = null;
        int firstAt = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!NOT_A_RECIPIENT_LINE.matcher(line).lookingAt()) {
                Matcher m = ADDRESS.matcher(line);
                while (m.find()) {
                    String address = normalize(m.group());
                    if (notRecipients.contains(address) || isRole(address)) {
                        continue;
                    }
                    if (firstAddress == null) {
                        firstAddress = address;
                        firstAt = offset + m.start();
                    }
                    String near = line + "\n" + (i + 1 < lines.length ? lines[i + 1] : "") + "\n"
                            + (i + 2 < lines.length ? lines[i + 2] : "") + "\n" + (i > 0 ? lines[i - 1] : "");
                    if (FAILURE_CUE.matcher(near).find()) {
                        return withReason(address, report, offset + m.start(), text);
                    }
                }
            }
            offset += line.length() + 1;
        }
        return firstAddress == null ? null : withReason(firstAddress, report, firstAt, text);
    }

    /** Delivery-status fields written as text (a report part sent as text/plain, or a DSN quoted in a bounce). */
    private static Finding fromFields(String text, Set<String> notRecipients) {
        Matcher recipient = FIELD_RECIPIENT.matcher(text);
        String address = null;
        int at = -1;
        while (recipient.find()) {
            String candidate = normalize(recipient.group(2));
            if (!notRecipients.contains(candidate)) {
                if (address == null || recipient.group(1).equalsIgnoreCase("Original")) {
                    address = candidate;
                    at = recipient.start();
                }
                if (recipient.group(1).equalsIgnoreCase("Original")) {
                    break;
                }
            }
        }
        if (address == null) {
            return null;
        }
        Matcher status = FIELD_STATUS.matcher(text);
        Matcher diagnostic = FIELD_DIAGNOSTIC.matcher(text);
        String diag = diagnostic.find(Math.max(0, at - 400)) ? clip(diagnostic.group(1)) : null;
        String code = status.find(Math.max(0, at - 400)) ? BounceClassifier.enhancedCode(status.group(1)) : null;
        return new Finding(address, betterCode(code, diag), diag, true);
    }

    /** The reason given after (or around) an address: the next few non-blank lines, up to the next entry. */
    private static Finding withReason(String address, String report, int at, String whole) {
        int lineStart = Math.max(0, report.lastIndexOf('\n', Math.max(0, at - 1)) + 1);
        int end = Math.min(report.length(), at + 900);
        String block = report.substring(Math.min(lineStart, Math.max(0, at)), end);
        String[] lines = block.split("\n");
        StringBuilder reason = new StringBuilder(lines.length == 0 ? "" : lines[0].strip()).append(' ');
        int taken = 0;
        int blanks = 0;
        for (int i = 1; i < lines.length && taken < 6; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                if (++blanks >= 2 && taken > 0) {
                    break;
                }
                continue;
            }
            if (line.startsWith("---")
                    || line.startsWith("<") && line.endsWith(">:")
                    || RETURNED_COPY.matcher(line).find()) {
                break;
            }
            blanks = 0;
            taken++;
            reason.append(line).append(' ');
        }
        String diagnostic = clip(reason.toString());
        String code = BounceClassifier.enhancedCode(diagnostic);
        if (code == null || code.charAt(0) == '2') {
            String before = report.substring(Math.max(0, at - 300), Math.max(0, at));
            code = firstFailureCode(before + " " + diagnostic);
        }
        if (code == null) {
            code = firstFailureCode(report);
        }
        if (code == null) {
            code = BounceClassifier.codeFromReply(diagnostic);
        }
        if (code == null) {
            code = classOnlyCode(report);
        }
        return new Finding(address, code, diagnostic.isBlank() ? clip(report) : diagnostic, false);
    }

    private static final Pattern PERMANENT = Pattern.compile("(?i)(permanent(ly)? (error|fail)|failed permanently|"
            + "this is a permanent|will not (try|be) (to )?redeliver|could not be delivered|cannot be delivered|"
            + "was not delivered|wasn'?t delivered|undeliverable)");

    /**
     * A code with only the class ({@code 4.0.0} or {@code 5.0.0}) for a report that gives no code but says whether
     * the failure is temporary or permanent, or the class of its first SMTP reply code; null when it says neither.
     */
    static String classOnlyCode(String report) {
        if (TEMPORARY.matcher(report).find()) {
            return "4.0.0";
        }
        if (PERMANENT.matcher(report).find()) {
            return "5.0.0";
        }
        return BounceClassifier.codeFromReply(report);
    }

    /** Whether a bounce's text says that delivery is only delayed and still being tried. */
    static boolean saysDelayed(String text) {
        return text != null && TEMPORARY.matcher(text).find();
    }

    private static String firstFailureCode(String text) {
        Matcher m = Pattern.compile("(?<![\\d.])([45])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)")
                .matcher(text);
        return m.find() ? m.group(1) + "." + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3)) : null;
    }

    /** A generic status (x.0.0, or none) replaced by the detailed one the diagnostic gives. */
    static String betterCode(String status, String diagnostic) {
        String fromText = diagnostic == null ? null : firstFailureCode(diagnostic);
        if (status == null) {
            return fromText != null ? fromText : BounceClassifier.codeFromReply(diagnostic);
        }
        if (status.endsWith(".0.0") && fromText != null && fromText.charAt(0) == status.charAt(0)) {
            return fromText;
        }
        return status;
    }

    static boolean isRole(String address) {
        String local = address.substring(0, address.indexOf('@'));
        return local.equals("mailer-daemon")
                || local.equals("postmaster")
                || local.startsWith("mailer-daemon")
                || local.equals("mail-daemon")
                || local.equals("mailerdaemon");
    }

    static String normalize(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        while (a.endsWith(".") || a.endsWith(">") || a.endsWith(",") || a.endsWith(";") || a.endsWith(":")) {
            a = a.substring(0, a.length() - 1);
        }
        if (a.startsWith("<")) {
            a = a.substring(1);
        }
        return a;
    }

    static String clip(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > BounceReport.DIAGNOSTIC_MAX ? s.substring(0, BounceReport.DIAGNOSTIC_MAX) : s;
    }
}
