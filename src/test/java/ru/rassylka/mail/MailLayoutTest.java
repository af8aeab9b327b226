package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailLayoutTest {

    private static final Session PLAIN_SESSION = Session.getInstance(new Properties());
    private static final Session UTF8_SESSION = Session.getInstance(utf8());
    private static final String LONG_LINE = "word ".repeat(260);
    private static final String CYRILLIC =
            "Здравствуйте, Анна! Это новости нашего магазина за декабрь, со скидками и подарками.\n";

    static Stream<Arguments> emails() {
        return Stream.of(
                Arguments.of("ASCII plain text", PLAIN_SESSION, "News for Anna", "Hello Anna,\n\nour news.\n", null),
                Arguments.of(
                        "Cyrillic subject and mostly ASCII text",
                        PLAIN_SESSION,
                        "Новости для Анны Петровой, декабрь 2026 года, выпуск номер двенадцать",
                        "Здравствуйте, Анна!\n\n" + "x".repeat(75).concat("\n").repeat(15)
                                + "\nОтписаться: https://rassylka.example.org/unsubscribe?t=abc",
                        null),
                Arguments.of("mostly Cyrillic text", PLAIN_SESSION, "Новости", CYRILLIC.repeat(20), null),
                Arguments.of(
                        "a line longer than 998 characters",
                        PLAIN_SESSION,
                        "Long",
                        "Start\n" + LONG_LINE + "\nEnd",
                        null),
                Arguments.of(
                        "a line longer than 76 characters with trailing spaces",
                        PLAIN_SESSION,
                        "Spaces",
                        "a".repeat(90) + "   \nnext line\t\n",
                        null),
                Arguments.of(
                        "CRLF, CR and LF line breaks after spaces",
                        PLAIN_SESSION,
                        "Breaks",
                        "Привет \r\nline two  \rline three\t\n\r\n" + "y".repeat(80) + " \r\n" + "z".repeat(300)
                                + "\nend \r",
                        null),
                Arguments.of(
                        "HTML with its plain alternative and escaped values",
                        PLAIN_SESSION,
                        "Hi Anna <script> & \"friends\"",
                        "Dear Anna <b>&\"\n\nUnsubscribe (https://mail.example/unsubscribe?t=abc&x=1)",
                        "<p>Dear Anna &lt;b&gt;&amp;&#34;</p><p><a href=\"https://mail.example/unsubscribe?t=abc&amp;x=1\">Unsubscribe</a></p>"),
                Arguments.of(
                        "Cyrillic HTML with a long line",
                        PLAIN_SESSION,
                        "Привет, Анна",
                        CYRILLIC.repeat(3) + LONG_LINE,
                        "<p>" + CYRILLIC.repeat(3) + "</p><p>" + LONG_LINE + "</p>"),
                Arguments.of(
                        "the UTF-8 session of an internationalised address",
                        UTF8_SESSION,
                        "Новости",
                        "Здравствуйте!\n",
                        "<p>Здравствуйте!</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emails")
    void anEmailInTheLayoutHasTheHeadersAndBodyOfOneBuiltFromScratch(
            String name, Session session, String subject, String text, String html) throws Exception {
        InternetAddress from = new InternetAddress("Рассылка магазина <news@shop.example.org>");
        from = MailAddresses.forSending(new InternetAddress(from.getAddress(), "Рассылка магазина", "UTF-8"));
        InternetAddress to = new InternetAddress(
                session == UTF8_SESSION ? "anna@почта.рф" : "anna@example.org", "Анна Петрова \"<>&", "UTF-8");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "List-Unsubscribe",
                "<https://rassylka.example.org/unsubscribe?t=abc>, <mailto:unsubscribe@example.org?subject=unsubscribe%20abc>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        MimeMessage fromScratch =
                MailMessages.build(session, from, to, subject, text, html, "<1.2.rassylka@shop.example.org>", headers);
        MimeMessage inLayout = MailLayout.of(session, from, html != null)
                .build(to, subject, text, html, "<1.2.rassylka@shop.example.org>", headers);

        assertInstanceOf(SMTPMessage.class, inLayout, "a return path can be its envelope sender");
        assertEquals(fromScratch.getSubject(), inLayout.getSubject());
        String expected = withoutDateAndBoundary(bytesOf(fromScratch), fromScratch);
        String actual = withoutDateAndBoundary(bytesOf(inLayout), inLayout);
        assertEquals(expected, actual);
        MimeMessage expectedRead = read(session, bytesOf(fromScratch));
        MimeMessage actualRead = read(session, bytesOf(inLayout));
        assertEquals(headerLines(expectedRead), headerLines(actualRead));
        assertEquals(decoded(expectedRead), decoded(actualRead));
        assertTrue(decoded(actualRead).contains(text.strip().substring(0, 5)), "the text is there");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emails")
    void theSameLayoutServesManyRecipientsEachWithTheirOwnHeaders(
            String name, Session session, String subject, String text, String html) throws Exception {
        InternetAddress from = new InternetAddress("news@shop.example.org");
        MailLayout layout = MailLayout.of(session, from, html != null);
        for (String recipient : List.of("anna@example.org", "boris@example.org")) {
            InternetAddress to = new InternetAddress(recipient, "Имя " + recipient, "UTF-8");
            String messageId = "<" + recipient + ">";
            MimeMessage fromScratch = MailMessages.build(
                    session,
                    from,
                    to,
                    subject + recipient,
                    text + recipient,
                    html == null ? null : html + recipient,
                    messageId,
                    Map.of());
            MimeMessage inLayout = layout.build(
                    to,
                    subject + recipient,
                    text + recipient,
                    html == null ? null : html + recipient,
                    messageId,
                    Map.of());
            assertEquals(
                    withoutDateAndBoundary(bytesOf(fromScratch), fromScratch),
                    withoutDateAndBoundary(bytesOf(inLayout), inLayout));
        }
    }

    @Test
    void anEmailInTheLayoutAnswersItsHeadersAsOneBuiltFromScratch() throws Exception {
        InternetAddress from = new InternetAddress("news@shop.example.org", "Рассылка", "UTF-8");
        InternetAddress to = new InternetAddress("anna@example.org", "Анна Петрова", "UTF-8");
        Map<String, String> headers = Map.of("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        MimeMessage fromScratch =
                MailMessages.build(PLAIN_SESSION, from, to, "Новости", "Текст\n", null, "<1@example.org>", headers);
        MimeMessage inLayout = MailLayout.of(PLAIN_SESSION, from, false)
                .build(to, "Новости", "Текст\n", null, "<1@example.org>", headers);

        assertEquals(List.of(fromScratch.getFrom()), List.of(inLayout.getFrom()));
        assertEquals(fromScratch.getSubject(), inLayout.getSubject());
        assertEquals(headerLines(fromScratch), headerLines(inLayout));
        assertEquals("<1@example.org>", inLayout.getHeader("Message-ID", null));
        assertEquals(fromScratch.getContentType(), inLayout.getContentType());
        assertEquals(decoded(fromScratch), decoded(inLayout));
    }

    @Test
    void furtherHeadersThatJakartaMailPlacesItselfStandWhereItPutsThem() throws Exception {
        InternetAddress from = new InternetAddress("news@shop.example.org");
        InternetAddress to = new InternetAddress("anna@example.org", "Анна", "UTF-8");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Campaign", "12");
        headers.put("Reply-To", "desk@shop.example.org");
        headers.put("List-Unsubscribe", "<https://rassylka.example.org/unsubscribe?t=abc>");
        MimeMessage fromScratch =
                MailMessages.build(PLAIN_SESSION, from, to, "News", "Hello\n", "<p>Hello</p>", "<2@x>", headers);
        MimeMessage inLayout =
                MailLayout.of(PLAIN_SESSION, from, true).build(to, "News", "Hello\n", "<p>Hello</p>", "<2@x>", headers);

        assertEquals(
                withoutDateAndBoundary(bytesOf(fromScratch), fromScratch),
                withoutDateAndBoundary(bytesOf(inLayout), inLayout));
    }

    @Test
    void aChangedHeaderIsWrittenWithTheChange() throws Exception {
        InternetAddress from = new InternetAddress("news@shop.example.org");
        InternetAddress to = new InternetAddress("anna@example.org");
        MimeMessage fromScratch =
                MailMessages.build(PLAIN_SESSION, from, to, "News", "Hello\n", null, "<3@x>", Map.of());
        MimeMessage inLayout =
                MailLayout.of(PLAIN_SESSION, from, false).build(to, "News", "Hello\n", null, "<3@x>", Map.of());
        fromScratch.setHeader("X-Mark", "1");
        inLayout.setHeader("X-Mark", "1");

        assertTrue(withoutDateAndBoundary(bytesOf(inLayout), inLayout).contains("X-Mark: 1\r\n"));
        assertEquals(
                withoutDateAndBoundary(bytesOf(fromScratch), fromScratch),
                withoutDateAndBoundary(bytesOf(inLayout), inLayout));
    }

    private static Properties utf8() {
        Properties properties = new Properties();
        properties.put("mail.mime.allowutf8", "true");
        return properties;
    }

    private static byte[] bytesOf(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static MimeMessage read(Session session, byte[] bytes) throws Exception {
        return new MimeMessage(session, new ByteArrayInputStream(bytes));
    }

    /** The whole e-mail as text, with its Date line and its boundary (the two parts that may differ) replaced by marks. */
    private static String withoutDateAndBoundary(byte[] bytes, MimeMessage message) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("(?m)^Date: .*\r\n", "Date: (now)\r\n");
        String boundary = new ContentType(message.getContentType()).getParameter("boundary");
        return boundary == null ? text : text.replace(boundary, "(boundary)");
    }

    private static List<String> headerLines(MimeMessage message) throws Exception {
        List<String> lines = new ArrayList<>();
        var all = message.getAllHeaderLines();
        while (all.hasMoreElements()) {
            String line = all.nextElement();
            if (!line.startsWith("Date:") && !line.startsWith("Content-Type: multipart")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String decoded(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder parts = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part body = multipart.getBodyPart(i);
                parts.append(body.getContentType())
                        .append('\n')
                        .append(decoded(body))
                        .append("\n--\n");
            }
            return parts.toString();
        }
        return (String) content;
    }
}
