package ru.rassylka.delivery.bounce;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.DispositionNotification;
import org.jsoup.Jsoup;

/**
 * Reads one message from the bounce mailbox: a delivery status notification (RFC 3464), a
 * complaint (ARF, RFC 5965), an automatic reply (RFC 3834, vacation headers and subjects, read
 * receipts) or anything else, and says which address it concerns, with what status and reason.
 *
 * <p>The standard fields come first: the {@code message/delivery-status} part, read with Angus
 * Mail's {@link DeliveryStatus}, and the {@code message/feedback-report} part. Where they are
 * missing or name nobody, the reader falls back to the {@code X-Failed-Recipients} header, the
 * text of non-standard bounces (qmail, Exim, Sendmail, Exchange, Gmail, Yahoo, Mail.ru, Yandex…)
 * and the headers of the returned e-mail (its To and Message-ID). Parts are read by their type
 * from their own streams, so the reader needs no mailcap registration and no container.
 *
 * <p>The reader is stateless and safe to share between threads.
 */
public final class BounceReader {

    /** Whether the fallbacks are used; without them only the standard report parts are read (for comparison). */
    private final boolean fallbacks;

    /** A reader that uses the standard report parts and every fallback. */
    public BounceReader() {
        this(true);
    }

    private BounceReader(boolean fallbacks) {
        this.fallbacks = fallbacks;
    }

    /**
     * A reader of the standard report parts alone (the DSN's fields, the ARF report, RFC 3834 headers), without
     * any fallback; it shows what the fallbacks add.
     */
    static BounceReader standardPartsOnly() {
        return new BounceReader(false);
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_DEPTH = 6;

    private static final Pattern TOKEN = Pattern.compile("(?i)bounces\\+([^@\\s<>\"]+)@");
    private static final Pattern RETURN_PATH_TOKEN =
            Pattern.compile("(?im)^Return-Path:\\s*<?bounces\\+([^@\\s<>\"]+)@");
    private static final Pattern TEXT_MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-I[dD]:\\s*(<[^>\\s]+>)");
    private static final Pattern TEXT_TO = Pattern.compile("(?im)^\\s*To:\\s*(.+)$");
    private static final Pattern TEXT_FEEDBACK_TYPE = Pattern.compile("(?im)^\\s*Feedback-Type:\\s*([\\w-]+)");
    private static final Pattern TEXT_ORIGINAL_RCPT = Pattern.compile(
            "(?im)^\\s*(?:Original-Rcpt-To|Removal-Recipient|X-HmXmrOriginalRecipient):\\s*<?([^\\s<>]+@[^\\s<>]+?)>?\\s*$");

    private static final Pattern DAEMON_SENDER = Pattern.compile("(?i)(mailer[-_ ]?daemon|post_?master|mail delivery|"
            + "delivery subsystem|mail administrator|mail system|mdaemon|returned mail|mailer@|noreply-dmarc)");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?iu)(undeliver|undelivered|deliver(y|ed) "
            + "(status|failure|failed|has failed|notification|report|problem|incomplete)|delivery fail|returned mail|"
            + "failure notice|mail delivery failed|non[- ]?deliver|could not be delivered|couldn'?t be delivered|"
            + "delayed mail|delivery delayed|warning: could not send|mail system error|returned to sender|"
            + "not delivered|mail failure|message not deliverable|unable to deliver|delivery error|"
            + "rejected|bounce|недостав|не доставлен|не удалось доставить|ошибка доставки)");
    private static final Pattern BOUNCE_LEAD = Pattern.compile("(?iu)(this is the qmail-send program|"
            + "created automatically by mail delivery software|the following address(es)? failed|"
            + "could not be delivered to one or more|delivery has failed to these recipients|"
            + "the original message was received at|transcript of session follows|"
            + "your message (did not|couldn'?t|could not|wasn'?t) (reach|be delivered)|delivery to the following recipient|"
            + "i'm afraid i wasn'?t able to deliver|message delivery to .* failed|permanent error|"
            + "invalid user address|requested action not taken|error message below|"
            + "сообщение не (может быть )?доставлен|не удалось доставить)");
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("(?iu)(out of (the )?office|automatic reply|"
            + "auto[- ]?reply|autoreply|auto[- ]?response|^\\s*auto:|vacation|away from (the|my) office|"
            + "absence|abwesenheit|réponse automatique|respuesta automática|автоответ|автоматический ответ|"
            + "нет на месте|в отпуске)");
    private static final Pattern COMPLAINT_SUBJECT =
            Pattern.compile("(?i)^\\s*(complaint about message from|" + "abuse report|spam report|feedback report)");

    /** Reads a raw message (RFC 5322 bytes, as an .eml file or a mailbox stores it). */
    public BounceReport read(byte[] raw) throws MessagingException, IOException {
        return read(new ByteArrayInputStream(raw));
    }

    /** Reads a raw message from a stream, which stays open. */
    public BounceReport read(InputStream raw) throws MessagingException, IOException {
        return read(new MimeMessage(SESSION, raw));
    }

    /** Reads a message, e.g. one from a mailbox folder. */
    public BounceReport read(MimeMessage message) throws MessagingException, IOException {
        Contents contents = new Contents();
        collect(message, contents, 0);
        String text = contents.text.toString();
        String token = returnPathToken(message, contents, text);
        String messageId = originalMessageId(contents, text);
        Set<String> notRecipients = notRecipients(message, contents);

        if (!fallbacks) {
            return standardPartsOnly(message, contents, token, messageId);
        }
        if (contents.feedback != null || isComplaint(message, contents, text)) {
            return complaint(contents, text, token, messageId);
        }
        String appleUnsubscribe = message.getHeader("X-Apple-Unsubscribe", null);
        if (appleUnsubscribe != null && appleUnsubscribe.strip().equalsIgnoreCase("true")) {
            return new BounceReport(
                    BounceClass.COMPLAINT,
                    firstAddress(message.getFrom()),
                    null,
                    "Feedback-Type: opt-out",
                    token,
                    messageId,
                    "unsubscribe headers");
        }
        BounceReport fromFields = fromDeliveryStatus(contents, token, messageId);
        if (fromFields != null) {
            return fromFields;
        }
        if (contents.disposition != null) {
            return new BounceReport(
                    BounceClass.AUTO_REPLY,
                    firstAddress(message.getFrom()),
                    null,
                    BounceText.clip(contents.disposition),
                    token,
                    messageId,
                    "MDN");
        }
        boolean looksLikeBounce = looksLikeBounce(message, contents, text);
        if (!looksLikeBounce && isAutoReply(message)) {
            return new BounceReport(
                    BounceClass.AUTO_REPLY,
                    firstAddress(message.getFrom()),
                    null,
                    null,
                    token,
                    messageId,
                    "auto-reply headers");
        }
        if (!looksLikeBounce) {
            return new BounceReport(BounceClass.NOT_A_REPORT, null, null, null, token, messageId, "none");
        }
        return fromText(message, contents, text, notRecipients, token, messageId);
    }

    private static BounceReport standardPartsOnly(
            MimeMessage message, Contents contents, String token, String messageId) throws MessagingException {
        if (contents.feedback != null) {
            String type = field(contents.feedback, "Feedback-Type");
            return new BounceReport(
                    BounceClass.COMPLAINT,
                    singleOrFirst(field(contents.feedback, "Original-Rcpt-To")),
                    null,
                    "Feedback-Type: " + type,
                    token,
                    messageId,
                    "ARF");
        }
        for (InternetHeaders fields : contents.recipientFields) {
            String action = lower(field(fields, "Action"));
            String code = BounceClassifier.enhancedCode(field(fields, "Status"));
            if (action != null && (action.startsWith("failed") || action.startsWith("delayed"))
                    || code != null && code.charAt(0) != '2') {
                String diagnostic = BounceText.clip(afterType(field(fields, "Diagnostic-Code")));
                BounceClass kind = BounceClassifier.classify(code, diagnostic);
                return new BounceReport(
                        kind == null ? BounceClass.SOFT : kind,
                        recipientOf(fields),
                        code,
                        diagnostic,
                        token,
                        messageId,
                        "DSN fields");
            }
        }
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (contents.recipientFields.isEmpty()
                && autoSubmitted != null
                && autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("auto-replied")) {
            return new BounceReport(
                    BounceClass.AUTO_REPLY,
                    firstAddress(message.getFrom()),
                    null,
                    null,
                    token,
                    messageId,
                    "auto-reply headers");
        }
        return new BounceReport(BounceClass.NOT_A_REPORT, null, null, null, token, messageId, "none");
    }

    private static BounceReport fromDeliveryStatus(Contents contents, String token, String messageId) {
        if (contents.recipientFields.isEmpty()) {
            return null;
        }
        boolean delivered = false;
        for (InternetHeaders fields : contents.recipientFields) {
            String action = lower(field(fields, "Action"));
            String status = BounceClassifier.enhancedCode(field(fields, "Status"));
            String diagnostic = BounceText.clip(afterType(field(fields, "Diagnostic-Code")));
            String code = BounceText.betterCode(status, diagnostic);
            boolean failed = action != null && (action.startsWith("failed") || action.startsWith("delayed"));
            if (!failed
                    && code != null
                    && (code.charAt(0) == '4' || code.charAt(0) == '5')
                    && (action == null
                            || !action.startsWith("deliver")
                                    && !action.startsWith("relay")
                                    && !action.startsWith("expand"))) {
                failed = true;
            }
            if (!failed) {
                delivered |= action != null || code != null;
                continue;
            }
            if (code == null) {
                code = action.startsWith("delayed") ? "4.0.0" : "5.0.0";
            }
            String recipient = recipientOf(fields);
            String source = "DSN fields";
            if (recipient == null) {
                recipient = singleAddress(contents.returned == null ? null : field(contents.returned, "To"));
                source = recipient == null ? source : "DSN fields+returned message headers";
            }
            if (recipient == null) {
                BounceText.Finding finding = BounceText.find(contents.text.toString(), Set.of());
                recipient = finding == null ? null : finding.recipient();
                source = recipient == null ? source : "DSN fields+text";
            }
            BounceClass kind = BounceClassifier.classify(code, diagnostic);
            return new BounceReport(
                    kind == null ? BounceClass.SOFT : kind, recipient, code, diagnostic, token, messageId, source);
        }
        return delivered
                ? new BounceReport(
                        BounceClass.NOT_A_REPORT,
                        recipientOf(contents.recipientFields.get(0)),
                        BounceClassifier.enhancedCode(field(contents.recipientFields.get(0), "Status")),
                        null,
                        token,
                        messageId,
                        "DSN fields")
                : null;
    }

    private static BounceReport fromText(
            MimeMessage message,
            Contents contents,
            String text,
            Set<String> notRecipients,
            String token,
            String messageId)
            throws MessagingException {
        String failedHeader = message.getHeader("X-Failed-Recipients", ",");
        String recipient = singleOrFirst(failedHeader);
        String source = "text";
        BounceText.Finding finding = BounceText.find(text, notRecipients);
        if (recipient != null) {
            source = "bounce headers+text";
        } else if (finding != null) {
            recipient = finding.recipient();
            source = finding.fromFields() ? "DSN fields in text" : "text";
        }
        if (recipient == null) {
            String to = contents.returned != null ? field(contents.returned, "To") : inlineTo(text);
            recipient = singleAddress(to);
            source = "returned message headers";
        }
        if (recipient == null) {
            recipient = firstToLine(text, notRecipients);
        }
        String code = finding == null ? BounceText.betterCode(null, BounceText.reportPart(text)) : finding.statusCode();
        String diagnostic = finding == null ? BounceText.clip(BounceText.reportPart(text)) : finding.diagnostic();
        if (finding != null && recipient != null && !recipient.equals(finding.recipient())) {
            BounceText.Finding own = BounceText.find(text, Set.of());
            if (own != null && recipient.equals(own.recipient())) {
                code = own.statusCode();
                diagnostic = own.diagnostic();
            }
            // otherwise the first reason in the text stands for the address the header names
        }
        BounceClass kind = BounceClassifier.classify(code, diagnostic);
        if (kind == null) {
            kind = BounceClass.SOFT;
        }
        if (code == null && kind == BounceClass.HARD && BounceText.saysDelayed(diagnostic)) {
            kind = BounceClass.SOFT;
        }
        return new BounceReport(kind, recipient, code, diagnostic, token, messageId, source);
    }

    private static BounceReport complaint(Contents contents, String text, String token, String messageId) {
        String recipient = null;
        String type = null;
        String source = "ARF";
        if (contents.feedback != null) {
            type = field(contents.feedback, "Feedback-Type");
            recipient = singleOrFirst(field(contents.feedback, "Original-Rcpt-To"));
            if (recipient == null) {
                recipient = singleOrFirst(field(contents.feedback, "Removal-Recipient"));
            }
        }
        if (recipient == null) {
            Matcher m = TEXT_ORIGINAL_RCPT.matcher(text);
            recipient = m.find() ? BounceText.normalize(m.group(1)) : null;
        }
        if (recipient == null && contents.returned != null) {
            recipient = singleAddress(field(contents.returned, "X-HmXmrOriginalRecipient"));
            if (recipient == null) {
                recipient = singleAddress(field(contents.returned, "To"));
            }
            source = recipient == null ? source : "ARF+returned message headers";
        }
        if (type == null) {
            Matcher m = TEXT_FEEDBACK_TYPE.matcher(text);
            type = m.find() ? m.group(1) : "abuse";
        }
        String feedbackType = type.strip().toLowerCase(Locale.ROOT);
        // a DMARC failure report (RFC 6591) or a "not spam" report says nothing against the recipient
        BounceClass kind = feedbackType.equals("auth-failure") || feedbackType.equals("not-spam")
                ? BounceClass.NOT_A_REPORT
                : BounceClass.COMPLAINT;
        return new BounceReport(kind, recipient, null, "Feedback-Type: " + feedbackType, token, messageId, source);
    }

    private static boolean isComplaint(MimeMessage message, Contents contents, String text) throws MessagingException {
        if (TEXT_FEEDBACK_TYPE.matcher(text).find() && !contents.report) {
            return true;
        }
        String subject = message.getSubject();
        return subject != null && COMPLAINT_SUBJECT.matcher(subject).find()
                || contents.returned != null && field(contents.returned, "X-HmXmrOriginalRecipient") != null;
    }

    private static boolean looksLikeBounce(MimeMessage message, Contents contents, String text)
            throws MessagingException {
        if (contents.report || message.getHeader("X-Failed-Recipients") != null) {
            return true;
        }
        String from = message.getHeader("From", ",");
        String subject = message.getSubject();
        return from != null && DAEMON_SENDER.matcher(from).find()
                || subject != null && BOUNCE_SUBJECT.matcher(subject).find()
                || BOUNCE_LEAD
                        .matcher(text.length() > 4000 ? text.substring(0, 4000) : text)
                        .find();
    }

    /** RFC 3834 and the vacation headers and subjects that common responders add. */
    private static boolean isAutoReply(MimeMessage message) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null
                && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (message.getHeader("X-Autoreply") != null
                || message.getHeader("X-Autorespond") != null
                || message.getHeader("X-Autoresponder") != null
                || message.getHeader("X-Vacation") != null) {
            return true;
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && precedence.strip().equalsIgnoreCase("auto_reply")) {
            return true;
        }
        String subject = message.getSubject();
        return subject != null && AUTO_REPLY_SUBJECT.matcher(subject).find();
    }

    // ---- the parts of a message

    /** What the parts of a message hold. */
    private static final class Contents {
        final List<InternetHeaders> recipientFields = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        InternetHeaders feedback;
        InternetHeaders returned;
        String disposition;
        boolean report;
    }

    private static void collect(Part part, Contents contents, int depth) throws MessagingException {
        if (depth > MAX_DEPTH) {
            return;
        }
        try {
            if (part.isMimeType("multipart/*")) {
                contents.report |= part.isMimeType("multipart/report");
                MimeMultipart multipart =
                        new MimeMultipart(part.getDataHandler().getDataSource());
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), contents, depth + 1);
                }
            } else if (part.isMimeType("message/delivery-status")
                    || part.isMimeType("message/global-delivery-status")) {
                readDeliveryStatus(part, contents);
            } else if (part.isMimeType("message/feedback-report")) {
                contents.feedback = new InternetHeaders(part.getInputStream());
            } else if (part.isMimeType("message/disposition-notification")) {
                DispositionNotification mdn = new DispositionNotification(part.getInputStream());
                contents.disposition = mdn.getNotifications().getHeader("Disposition", null);
            } else if (part.isMimeType("message/rfc822")
                    || part.isMimeType("message/global")
                    || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("text/global-headers")
                    || part.isMimeType("message/partial")) {
                if (contents.returned == null) {
                    contents.returned = new InternetHeaders(part.getInputStream());
                }
            } else if (part.isMimeType("text/*") || depth == 0 && !part.isMimeType("application/*")) {
                contents.text.append(textOf(part)).append('\n');
            }
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            // a malformed part: what it says is read as text, if anything
            contents.text.append(rawText(part)).append('\n');
        }
    }

    private static void readDeliveryStatus(Part part, Contents contents) throws MessagingException, IOException {
        DeliveryStatus status = new DeliveryStatus(part.getInputStream());
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            contents.recipientFields.add(status.getRecipientDSN(i));
        }
        InternetHeaders perMessage = status.getMessageDSN();
        if (contents.recipientFields.isEmpty()
                && perMessage != null
                && (perMessage.getHeader("Final-Recipient") != null
                        || perMessage.getHeader("Original-Recipient") != null)) {
            contents.recipientFields.add(perMessage);
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, charsetOf(part));
        return part.isMimeType("text/html") ? htmlToText(text) : text.replace("\r\n", "\n");
    }

    private static String rawText(Part part) {
        try (InputStream in = part instanceof MimeMessage m
                ? m.getRawInputStream()
                : part instanceof jakarta.mail.internet.MimeBodyPart b
                        ? b.getRawInputStream()
                        : part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            return "";
        }
    }

    private static Charset charsetOf(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (MessagingException | RuntimeException unknown) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String htmlToText(String html) {
        String marked = html.replaceAll("(?i)<\\s*(br|/p|/div|/tr|/li|/h\\d|/table)[^>]*>", "\n[[nl]]");
        return Jsoup.parse(marked).text().replace("[[nl]]", "\n").replaceAll("\n +", "\n");
    }

    // ---- fields and addresses

    private static String returnPathToken(MimeMessage message, Contents contents, String text)
            throws MessagingException {
        for (String name : List.of("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To")) {
            String value = message.getHeader(name, ",");
            Matcher m = value == null ? null : TOKEN.matcher(value);
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        String returnPath = contents.returned == null ? null : field(contents.returned, "Return-Path");
        Matcher m = returnPath == null ? null : TOKEN.matcher(returnPath);
        if (m != null && m.find()) {
            return m.group(1);
        }
        Matcher inText = RETURN_PATH_TOKEN.matcher(text);
        return inText.find() ? inText.group(1) : null;
    }

    private static String originalMessageId(Contents contents, String text) {
        String id = contents.returned == null ? null : field(contents.returned, "Message-ID");
        if (id != null) {
            Matcher m = Pattern.compile("<[^>\\s]+>").matcher(id);
            return m.find() ? m.group() : id.strip();
        }
        String returned = BounceText.returnedPart(text);
        Matcher m = TEXT_MESSAGE_ID.matcher(returned.isEmpty() ? text : returned);
        return m.find() ? m.group(1) : null;
    }

    private static Set<String> notRecipients(MimeMessage message, Contents contents) throws MessagingException {
        Set<String> addresses = new HashSet<>();
        for (String name : List.of(
                "From",
                "To",
                "Cc",
                "Reply-To",
                "Sender",
                "Return-Path",
                "Delivered-To",
                "X-Original-To",
                "Envelope-To",
                "Errors-To")) {
            addAll(addresses, message.getHeader(name, ","));
        }
        if (contents.returned != null) {
            for (String name : List.of("From", "Sender", "Return-Path", "Reply-To", "Errors-To")) {
                addAll(addresses, field(contents.returned, name));
            }
        }
        return addresses;
    }

    private static void addAll(Set<String> addresses, String value) {
        if (value == null) {
            return;
        }
        Matcher m = BounceText.ADDRESS.matcher(value);
        while (m.find()) {
            addresses.add(BounceText.normalize(m.group()));
        }
    }

    private static String inlineTo(String text) {
        String returned = BounceText.returnedPart(text);
        Matcher m = TEXT_TO.matcher(returned);
        return m.find() ? m.group(1) : null;
    }

    /** The address of the first quoted "To:" line of a bounce's text that is not the bounce's own. */
    private static String firstToLine(String text, Set<String> notRecipients) {
        Matcher m = TEXT_TO.matcher(text);
        while (m.find()) {
            String address = addressIn(m.group(1));
            if (address != null && !notRecipients.contains(address)) {
                return address;
            }
        }
        return null;
    }

    private static String recipientOf(InternetHeaders fields) {
        String original = addressIn(afterType(field(fields, "Original-Recipient")));
        return original != null ? original : addressIn(afterType(field(fields, "Final-Recipient")));
    }

    private static String addressIn(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = BounceText.ADDRESS.matcher(value);
        return m.find() ? BounceText.normalize(m.group()) : null;
    }

    private static String singleAddress(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
            return parsed.length == 1
                            && parsed[0].getAddress() != null
                            && parsed[0].getAddress().contains("@")
                    ? BounceText.normalize(parsed[0].getAddress())
                    : null;
        } catch (AddressException unparsable) {
            return addressIn(value);
        }
    }

    private static String singleOrFirst(String value) {
        return addressIn(value);
    }

    private static String firstAddress(Address[] addresses) {
        return addresses == null || addresses.length == 0 || !(addresses[0] instanceof InternetAddress a)
                ? null
                : BounceText.normalize(a.getAddress());
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }

    /** A typed field value ({@code rfc822; a@b}, {@code smtp; 550 …}) without its type. */
    private static String afterType(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return semicolon >= 0 && semicolon < 12 ? value.substring(semicolon + 1).strip() : value.strip();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
