package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

class SmtpDataStreamTest {

    @Test
    void linesEndingInCrlfPassUnchanged() throws IOException {
        assertEquals("Subject: a\r\n\r\nline one\r\nline two\r\n", ours("Subject: a\r\n\r\nline one\r\nline two\r\n"));
    }

    @Test
    void aLineStartingWithADotGetsASecondOne() throws IOException {
        assertEquals("..first\r\nx.y\r\n..\r\n...more\r\n", ours(".first\r\nx.y\r\n.\r\n..more\r\n"));
    }

    @Test
    void bareLineEndsBecomeCrlf() throws IOException {
        assertEquals("a\r\nb\r\nc\r\n\r\n..d\r\n", ours("a\nb\rc\r\r\n.d\n"));
    }

    @Test
    void theLastLineIsEndedBeforeTheDotThatEndsTheData() throws IOException {
        assertEquals("a\r\nb\r\n", ours("a\r\nb"));
        assertEquals("a\r\n", ours("a\r"));
        assertEquals("", ours(""));
    }

    @Test
    void writesTheSameBytesAsAngusMailsOwnStreamHoweverTheyAreSplit() throws IOException {
        List<String> samples = List.of(
                ".\r\n",
                "..\r\n.\r\n",
                "text\r\n.dot at the start\r\n\r\n.\r\n",
                "\r\n.\r\n.",
                "bare\rcr.\r.after\n.lf\n\n.",
                "a\r\r\n\n\r.b",
                "=D0=9F=D1=80=D0=B8=\r\n.=D0=B2=D0=B5=D1=82\r\n");
        Random random = new Random(7);
        for (String sample : samples) {
            byte[] bytes = sample.getBytes(StandardCharsets.US_ASCII);
            for (int round = 0; round < 50; round++) {
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                ByteArrayOutputStream actual = new ByteArrayOutputStream();
                SMTPOutputStream angus = new SMTPOutputStream(expected);
                SmtpDataStream data = new SmtpDataStream(actual);
                int at = 0;
                while (at < bytes.length) {
                    int length = round == 0 ? bytes.length : Math.min(bytes.length - at, 1 + random.nextInt(4));
                    if (length == 1 && round % 2 == 1) {
                        angus.write(bytes[at]);
                        data.write(bytes[at]);
                    } else {
                        angus.write(bytes, at, length);
                        data.write(bytes, at, length);
                    }
                    at += length;
                }
                angus.ensureAtBOL();
                data.endLine();
                assertEquals(
                        expected.toString(StandardCharsets.US_ASCII),
                        actual.toString(StandardCharsets.US_ASCII),
                        "as Angus Mail writes " + sample.replace("\r", "\\r").replace("\n", "\\n"));
            }
        }
    }

    @Test
    void writesTheSameBytesAsAngusMailsOwnStreamForAnyMixOfDotsAndLineEnds() throws IOException {
        byte[] alphabet = {'.', '\r', '\n', 'a'};
        Random random = new Random(11);
        for (int round = 0; round < 5000; round++) {
            byte[] bytes = new byte[random.nextInt(24)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            SMTPOutputStream angus = new SMTPOutputStream(expected);
            SmtpDataStream data = new SmtpDataStream(actual);
            int at = 0;
            while (at < bytes.length) {
                int length = Math.min(bytes.length - at, 1 + random.nextInt(6));
                angus.write(bytes, at, length);
                data.write(bytes, at, length);
                at += length;
            }
            angus.ensureAtBOL();
            data.endLine();
            assertEquals(
                    expected.toString(StandardCharsets.US_ASCII),
                    actual.toString(StandardCharsets.US_ASCII),
                    new String(bytes, StandardCharsets.US_ASCII)
                            .replace("\r", "\\r")
                            .replace("\n", "\\n"));
        }
    }

    private static String ours(String text) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        SmtpDataStream data = new SmtpDataStream(written);
        data.write(text.getBytes(StandardCharsets.US_ASCII));
        data.endLine();
        return written.toString(StandardCharsets.US_ASCII);
    }
}
