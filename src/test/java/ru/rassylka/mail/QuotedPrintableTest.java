package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuotedPrintableTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String[] PIECES = {
        "x",
        "Я",
        "ё",
        " ",
        "  ",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "=",
        ".",
        "€",
        "\uD83D\uDE00",
        "\uD83D",
        "\uDE00",
        "\u0001",
        "\u007F",
        "\u00A0",
        "word ",
        "Здравствуйте, ",
        "x".repeat(75),
        "y".repeat(80),
        "z".repeat(999)
    };

    static Stream<String> texts() {
        return Stream.of(
                "",
                "plain ASCII\nin lines\n",
                "Здравствуйте, Анна!\n\n" + "x".repeat(75).concat("\n").repeat(15)
                        + "\nОтписаться: https://a.example/u?t=1",
                "a".repeat(998),
                "a".repeat(999),
                "a".repeat(998) + "\n" + "b".repeat(998),
                "trailing space \nand tab\t\r\nand both \t\rend ",
                "=".repeat(40) + "\r\r\n\n" + "a=b ".repeat(30),
                "Жжжж" + "a".repeat(8),
                "ЖЖЖЖ" + "a".repeat(8),
                "ЖЖЖЖ" + "a".repeat(9),
                "emoji \uD83D\uDE00 and lone \uD83D surrogates \uDE00 here",
                "controls \u0001\u0002\u001F\u007F",
                "CR only\rlines\rhere\r",
                " leading space and a space at the very end ");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void encodesAsJakartaMailEncodesATextBodyPart(String text) throws Exception {
        assertSameAsJakartaMail(text);
    }

    @Test
    void encodesManyMixedTextsAsJakartaMailDoes() throws Exception {
        Random random = new Random(20261207);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int j = 0; j < pieces; j++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertSameAsJakartaMail(text.toString());
        }
    }

    @Test
    void encodesBytesThatAreAllToBeEscapedWithTheirSoftLineBreaks() throws Exception {
        byte[] bytes = "=\u0001\u00FF".repeat(200).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        OutputStream encoder = MimeUtility.encode(encoded, QuotedPrintable.QUOTED_PRINTABLE);
        encoder.write(bytes);
        encoder.flush();
        MailBytes ours = new MailBytes(1);
        QuotedPrintable.encode(bytes, ours);
        assertArrayEquals(encoded.toByteArray(), ours.toByteArray());
    }

    private static void assertSameAsJakartaMail(String text) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setText(text, "UTF-8");
        message.saveChanges();
        String expected = message.getEncoding();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, QuotedPrintable.encodingOf(utf8), () -> "the transfer encoding of " + text);
        if (expected.equals(QuotedPrintable.QUOTED_PRINTABLE)) {
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            OutputStream encoder = MimeUtility.encode(encoded, expected);
            encoder.write(utf8);
            encoder.flush();
            MailBytes ours = new MailBytes(1);
            QuotedPrintable.encode(utf8, ours);
            assertArrayEquals(encoded.toByteArray(), ours.toByteArray(), () -> "the quoted-printable of " + text);
        }
    }
}
