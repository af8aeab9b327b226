package ru.rassylka.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the e-mails of one sender, one session and one kind of body share, built once by
 * {@link MailMessages#build} and kept encoded: the {@code From:} header, the MIME structure (its
 * content types and the boundary of the HTML and plain-text alternative) and the last subject.
 * Each e-mail then only encodes its recipient, its subject when it differs and its body parts,
 * and becomes an {@link EncodedMail}: the same headers, in the same order, and the same body as
 * {@link MailMessages#build} gives, without Jakarta Mail building a MIME tree for every recipient.
 * Only the boundary is the same for all e-mails of the layout.
 */
public final class MailLayout {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final String MIME_VERSION_LINE = "MIME-Version: 1.0";
    /** The names that Jakarta Mail's headers keep a place for (lower case): a further header with one goes there. */
    private static final Set<String> PLACED = Stream.of(
                    "Return-Path",
                    "Received",
                    "Resent-Date",
                    "Resent-From",
                    "Resent-Sender",
                    "Resent-To",
                    "Resent-Cc",
                    "Resent-Bcc",
                    "Resent-Message-Id",
                    "Date",
                    "From",
                    "Sender",
                    "Reply-To",
                    "To",
                    "Cc",
                    "Bcc",
                    "Message-Id",
                    "In-Reply-To",
                    "References",
                    "Subject",
                    "Comments",
                    "Keywords",
                    "Errors-To",
                    "MIME-Version",
                    "Content-Type",
                    "Content-Transfer-Encoding",
                    "Content-MD5",
                    "Content-Length",
                    "Status")
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private record EncodedSubject(String subject, String header) {}

    /** A body part's Content-Type line, written before its transfer encoding. */
    private record Part(byte[] start) {}

    private final Session session;
    private final boolean allowUtf8;
    private final InternetAddress from;
    private final String fromLine;
    private final String contentType;
    private final String contentTypeLine;
    private final Part plain;
    private final Part rich;
    private final byte[] delimiter;
    private final byte[] closeDelimiter;
    private volatile EncodedSubject lastSubject = new EncodedSubject(null, null);

    private MailLayout(Session session, InternetAddress from, MimeMessage sample, boolean html)
            throws MessagingException, IOException {
        this.session = session;
        this.allowUtf8 =
                Boolean.parseBoolean(String.valueOf(session.getProperties().get("mail.mime.allowutf8")));
        this.from = from;
        this.fromLine = "From: " + sample.getHeader("From", null);
        this.contentType = sample.getHeader("Content-Type", null);
        this.contentTypeLine = "Content-Type: " + contentType;
        if (html) {
            Multipart alternative = (Multipart) sample.getContent();
            String boundary = "--" + new ContentType(contentType).getParameter("boundary");
            this.plain = partOf(alternative.getBodyPart(0).getHeader("Content-Type")[0]);
            this.rich = partOf(alternative.getBodyPart(1).getHeader("Content-Type")[0]);
            this.delimiter = (boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
            this.closeDelimiter = (boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        } else {
            this.plain = partOf(contentType);
            this.rich = null;
            this.delimiter = null;
            this.closeDelimiter = null;
        }
    }

    /**
     * @param session the session whose properties encode the e-mails (the UTF-8 one when an address needs SMTPUTF8)
     * @param html whether the e-mails have an HTML body beside the plain text
     */
    public static MailLayout of(Session session, InternetAddress from, boolean html) throws MessagingException {
        MimeMessage sample =
                MailMessages.build(session, from, from, "-", "-", html ? "-" : null, "<layout@localhost>", Map.of());
        try {
            return new MailLayout(session, from, sample, html);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the layout of an e-mail", e);
        }
    }

    /**
     * One e-mail in this layout, as {@link MailMessages#build} would build it.
     *
     * @param html the HTML body, given exactly when the layout has one
     * @param messageId the e-mail's Message-ID
     * @param headers further headers, in their order
     */
    public MimeMessage build(
            InternetAddress to, String subject, String text, String html, String messageId, Map<String, String> headers)
            throws MessagingException {
        if ((html != null) != (rich != null)) {
            throw new IllegalArgumentException(
                    "This layout is for " + (rich == null ? "plain text alone" : "HTML with plain text"));
        }
        MailBytes body = new MailBytes(text.length() + (html == null ? 0 : html.length()) * 5 / 4 + 512);
        String transferEncoding = null;
        try {
            if (html == null) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                transferEncoding = QuotedPrintable.encodingOf(utf8);
                encode(utf8, transferEncoding, body);
            } else {
                writePart(body, plain, text);
                writePart(body, rich, html);
                body.write(closeDelimiter);
            }
        } catch (IOException e) {
            throw new MessagingException("Cannot encode the e-mail", e);
        }
        String[] lines = headerLines(to, subject, transferEncoding, messageId, headers);
        MailBytes head = new MailBytes(1024);
        for (String line : lines) {
            if (allowUtf8) {
                head.write(line.getBytes(StandardCharsets.UTF_8));
            } else {
                head.writeLow8(line);
            }
            head.write(CRLF);
        }
        head.write(CRLF);
        return new EncodedMail(session, from, subject, lines, head.toByteArray(), body.toByteArray());
    }

    /**
     * The header lines in the order Jakarta Mail writes them: the order its headers are made with
     * (Date, From, To, Message-ID, Subject, MIME-Version, Content-Type, Content-Transfer-Encoding),
     * then the further headers. A further header that Jakarta Mail would place elsewhere (one of
     * those or another of its known names) is placed by its headers themselves.
     */
    private String[] headerLines(
            InternetAddress to, String subject, String transferEncoding, String messageId, Map<String, String> headers)
            throws MessagingException {
        String toLine = "To: " + addressHeader(to);
        String subjectLine = "Subject: " + subjectHeader(subject);
        String dateLine = "Date: " + SentDates.now();
        for (String name : headers.keySet()) {
            if (PLACED.contains(name.toLowerCase(Locale.ROOT))) {
                return placedByJakartaMail(toLine, subjectLine, dateLine, transferEncoding, messageId, headers);
            }
        }
        String[] lines = new String[(transferEncoding == null ? 7 : 8) + headers.size()];
        int i = 0;
        lines[i++] = dateLine;
        lines[i++] = fromLine;
        lines[i++] = toLine;
        lines[i++] = "Message-ID: " + messageId;
        lines[i++] = subjectLine;
        lines[i++] = MIME_VERSION_LINE;
        lines[i++] = contentTypeLine;
        if (transferEncoding != null) {
            lines[i++] = "Content-Transfer-Encoding: " + transferEncoding;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            lines[i++] = header.getKey() + ": " + header.getValue();
        }
        return lines;
    }

    private String[] placedByJakartaMail(
            String toLine,
            String subjectLine,
            String dateLine,
            String transferEncoding,
            String messageId,
            Map<String, String> headers) {
        InternetHeaders placed = new InternetHeaders();
        placed.setHeader("From", fromLine.substring("From: ".length()));
        placed.setHeader("To", toLine.substring("To: ".length()));
        placed.setHeader("Subject", subjectLine.substring("Subject: ".length()));
        placed.setHeader("Date", dateLine.substring("Date: ".length()));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            placed.setHeader(header.getKey(), header.getValue());
        }
        placed.setHeader("MIME-Version", "1.0");
        placed.setHeader("Content-Type", contentType);
        if (transferEncoding != null) {
            placed.setHeader("Content-Transfer-Encoding", transferEncoding);
        }
        placed.setHeader("Message-ID", messageId);
        return Collections.list(placed.getAllHeaderLines()).toArray(String[]::new);
    }

    private String addressHeader(InternetAddress to) {
        Address[] addresses = {to};
        // as MimeMessage.setRecipient writes it: the header name and ": " come before
        return allowUtf8 ? InternetAddress.toUnicodeString(addresses, 4) : InternetAddress.toString(addresses, 4);
    }

    private String subjectHeader(String subject) throws MessagingException {
        EncodedSubject last = lastSubject;
        if (!subject.equals(last.subject())) {
            try {
                // as MimeMessage.setSubject writes it
                last = new EncodedSubject(subject, SubjectHeader.of(subject));
            } catch (IOException e) {
                throw new MessagingException("Cannot encode the subject", e);
            }
            lastSubject = last;
        }
        return last.header();
    }

    private void writePart(MailBytes body, Part part, String content) throws IOException, MessagingException {
        byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
        String encoding = QuotedPrintable.encodingOf(utf8);
        body.write(delimiter);
        body.write(part.start());
        body.write(("Content-Transfer-Encoding: " + encoding + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        encode(utf8, encoding, body);
        body.write(CRLF);
    }

    /** Writes a text part's body in the transfer encoding Jakarta Mail chooses for it: 7bit, quoted-printable or base64. */
    private static void encode(byte[] utf8, String encoding, MailBytes encoded) throws IOException, MessagingException {
        if (QuotedPrintable.QUOTED_PRINTABLE.equals(encoding)) {
            QuotedPrintable.encode(utf8, encoded);
        } else if (QuotedPrintable.SEVEN_BIT.equals(encoding)) {
            encoded.write(utf8);
        } else {
            ByteArrayOutputStream base64 = new ByteArrayOutputStream(utf8.length * 3 / 2 + 16);
            OutputStream encoder = MimeUtility.encode(base64, encoding);
            encoder.write(utf8);
            encoder.flush();
            encoded.write(base64.toByteArray());
        }
    }

    private static Part partOf(String contentType) {
        return new Part(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
