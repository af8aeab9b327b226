package ru.rassylka.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String QUOTED_PRINTABLE = "quoted-printable";
    /** The most encoded lines kept: the first e-mail's lines, the message's own, come first. */
    private static final int KEPT_LINES = 2_000;

    private record EncodedSubject(String subject, String header) {}

    /** A body part's Content-Type line, written before its transfer encoding. */
    private record Part(byte[] start) {}

    private record EncodedText(String encoding, byte[] bytes) {}

    private final Session session;
    private final boolean allowUtf8;
    private final String fromHeader;
    private final String contentType;
    private final Part plain;
    private final Part rich;
    private final byte[] delimiter;
    private final byte[] closeDelimiter;
    private volatile EncodedSubject lastSubject = new EncodedSubject(null, null);
    private final Map<String, byte[]> encodedLines = new ConcurrentHashMap<>();

    private MailLayout(Session session, MimeMessage sample, boolean html) throws MessagingException, IOException {
        this.session = session;
        this.allowUtf8 =
                Boolean.parseBoolean(String.valueOf(session.getProperties().get("mail.mime.allowutf8")));
        this.fromHeader = sample.getHeader("From", null);
        this.contentType = sample.getHeader("Content-Type", null);
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
            return new MailLayout(session, sample, html);
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
        EncodedMail message = new EncodedMail(session);
        message.setHeader("From", fromHeader);
        message.setHeader("To", addressHeader(to));
        message.setHeader("Subject", subjectHeader(subject));
        message.subject(subject);
        message.setHeader("Date", SentDates.now());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.setHeader("MIME-Version", "1.0");
        message.setHeader("Content-Type", contentType);
        try {
            if (html == null) {
                EncodedText body = encode(text);
                message.setHeader("Content-Transfer-Encoding", body.encoding());
                message.body(body.bytes());
            } else {
                ByteArrayOutputStream body = new ByteArrayOutputStream(text.length() + html.length() + 512);
                writePart(body, plain, encode(text));
                writePart(body, rich, encode(html));
                body.write(closeDelimiter);
                message.body(body.toByteArray());
            }
        } catch (IOException e) {
            throw new MessagingException("Cannot encode the e-mail", e);
        }
        message.setHeader("Message-ID", messageId);
        return message;
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
                last = new EncodedSubject(subject, MimeUtility.fold(9, MimeUtility.encodeText(subject, UTF_8, null)));
            } catch (IOException e) {
                throw new MessagingException("Cannot encode the subject", e);
            }
            lastSubject = last;
        }
        return last.header();
    }

    private void writePart(OutputStream body, Part part, EncodedText content) throws IOException {
        body.write(delimiter);
        body.write(part.start());
        body.write(
                ("Content-Transfer-Encoding: " + content.encoding() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(content.bytes());
        body.write(CRLF);
    }

    /** A text part's body with the transfer encoding Jakarta Mail chooses for it (7bit, quoted-printable or base64). */
    private EncodedText encode(String text) throws IOException, MessagingException {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        String encoding = MimeUtility.getEncoding(new ByteArrayDataSource(raw, "text/plain; charset=UTF-8"));
        if ("7bit".equals(encoding)) {
            return new EncodedText(encoding, raw);
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(raw.length + raw.length / 2 + 16);
        if (QUOTED_PRINTABLE.equals(encoding)) {
            encodeByLine(text, encoded);
        } else {
            OutputStream encoder = MimeUtility.encode(encoded, encoding);
            encoder.write(raw);
            encoder.flush();
        }
        return new EncodedText(encoding, encoded.toByteArray());
    }

    /**
     * Quoted-printable, line by line: the encoding of a line ends with its line break, so a line
     * that every e-mail of the layout has (most of a message) is encoded once and kept.
     */
    private void encodeByLine(String text, OutputStream encoded) throws IOException, MessagingException {
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            // the line with its break (CRLF, CR or LF) or, the last one, without
            if (end < text.length()) {
                end += text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1;
            }
            encoded.write(encodedLine(text.substring(start, end)));
            start = end;
        }
    }

    private byte[] encodedLine(String line) throws IOException, MessagingException {
        byte[] known = encodedLines.get(line);
        if (known != null) {
            return known;
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(line.length() + 16);
        OutputStream encoder = MimeUtility.encode(encoded, QUOTED_PRINTABLE);
        encoder.write(line.getBytes(StandardCharsets.UTF_8));
        encoder.flush();
        byte[] bytes = encoded.toByteArray();
        if (encodedLines.size() < KEPT_LINES) {
            encodedLines.put(line, bytes);
        }
        return bytes;
    }

    private static Part partOf(String contentType) {
        return new Part(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
