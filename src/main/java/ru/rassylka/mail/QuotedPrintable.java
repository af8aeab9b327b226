package ru.rassylka.mail;

/**
 * A text's UTF-8 bytes as Jakarta Mail encodes a text body part: the transfer encoding it chooses
 * ({@code MimeUtility.getEncoding}) and the bytes of quoted-printable ({@code QPEncoderStream}),
 * the same to the byte, read straight from the characters. Jakarta Mail goes through the bytes of
 * the whole text twice, an encoder stream and a data source; this is what a mailing does for
 * every recipient.
 */
final class QuotedPrintable {

    static final String SEVEN_BIT = "7bit";
    static final String QUOTED_PRINTABLE = "quoted-printable";
    static final String BASE64 = "base64";

    /** The most bytes on a line before the soft break: 76 with the '='. */
    private static final int LINE = 75;
    /** The longest line that 7bit allows, without its CRLF. */
    private static final int LONGEST_7BIT_LINE = 998;

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private final MailBytes out;
    private int count;
    private boolean gotSpace;
    private boolean gotCR;

    private QuotedPrintable(MailBytes out) {
        this.out = out;
    }

    /**
     * The transfer encoding of a {@code text/plain; charset=UTF-8} or {@code text/html} part with
     * this text: 7bit for ASCII in lines of at most 998 bytes, quoted-printable when more bytes
     * are ASCII than not, base64 otherwise.
     */
    static String encodingOf(String text) {
        int ascii = 0;
        int nonAscii = 0;
        int lineLength = 0;
        boolean longLine = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == '\r' || c == '\n') {
                    lineLength = 0;
                    ascii++;
                    continue;
                }
                if (c >= 0x7F || (c < 0x20 && c != '\t')) {
                    nonAscii++;
                } else {
                    ascii++;
                }
                lineLength++;
            } else {
                int bytes = utf8Length(text, i, c);
                if (bytes == 4) {
                    i++;
                }
                if (bytes == 1) {
                    ascii++; // an unpaired surrogate becomes '?'
                } else {
                    nonAscii += bytes;
                }
                lineLength += bytes;
            }
            if (lineLength > LONGEST_7BIT_LINE) {
                longLine = true;
            }
        }
        if (nonAscii == 0) {
            return longLine ? QUOTED_PRINTABLE : SEVEN_BIT;
        }
        return ascii > nonAscii ? QUOTED_PRINTABLE : BASE64;
    }

    /** Writes the text's UTF-8 bytes in quoted-printable. */
    static void encode(String text, MailBytes out) {
        QuotedPrintable encoder = new QuotedPrintable(out);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                encoder.write(c);
            } else if (c < 0x800) {
                encoder.write(0xC0 | (c >> 6));
                encoder.write(0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                encoder.write(0xE0 | (c >> 12));
                encoder.write(0x80 | ((c >> 6) & 0x3F));
                encoder.write(0x80 | (c & 0x3F));
            } else if (utf8Length(text, i, c) == 4) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                encoder.write(0xF0 | (point >> 18));
                encoder.write(0x80 | ((point >> 12) & 0x3F));
                encoder.write(0x80 | ((point >> 6) & 0x3F));
                encoder.write(0x80 | (point & 0x3F));
            } else {
                encoder.write('?'); // as String.getBytes writes an unpaired surrogate
            }
        }
        encoder.flush();
    }

    /** The UTF-8 length of the non-ASCII character at {@code i}: 4 for a surrogate pair, 1 for an unpaired surrogate. */
    private static int utf8Length(String text, int i, char c) {
        if (c < 0x800) {
            return 2;
        }
        if (!Character.isSurrogate(c)) {
            return 3;
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return 4;
        }
        return 1;
    }

    private void write(int c) {
        if (gotSpace) {
            // a space before a line break is encoded, so that it is not taken for padding
            output(' ', c == '\r' || c == '\n');
            gotSpace = false;
        }
        if (c == '\r') {
            gotCR = true;
            lineBreak();
            return;
        }
        if (c == '\n') {
            if (!gotCR) {
                lineBreak();
            }
        } else if (c == ' ') {
            gotSpace = true;
        } else {
            output(c, c < 0x20 || c >= 0x7F || c == '=');
        }
        gotCR = false;
    }

    private void flush() {
        if (gotSpace) {
            output(' ', true);
            gotSpace = false;
        }
    }

    private void lineBreak() {
        out.write('\r');
        out.write('\n');
        count = 0;
    }

    private void output(int c, boolean encode) {
        if (encode) {
            count += 3;
            if (count > LINE) {
                softBreak();
                count = 3;
            }
            out.write('=');
            out.write(HEX[c >> 4]);
            out.write(HEX[c & 0xF]);
        } else {
            count++;
            if (count > LINE) {
                softBreak();
                count = 1;
            }
            out.write(c);
        }
    }

    private void softBreak() {
        out.write('=');
        out.write('\r');
        out.write('\n');
    }
}
