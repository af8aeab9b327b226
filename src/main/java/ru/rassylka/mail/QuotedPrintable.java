package ru.rassylka.mail;

/**
 * A text's UTF-8 bytes as Jakarta Mail encodes a text body part: the transfer encoding it chooses
 * ({@code MimeUtility.getEncoding}) and the bytes of quoted-printable ({@code QPEncoderStream}),
 * the same to the byte. Jakarta Mail goes through the bytes a call and a stream at a time, a data
 * source to choose and an encoder stream to encode; here each is one loop over an array, as a
 * mailing does both for every recipient.
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

    private QuotedPrintable() {}

    /**
     * The transfer encoding of a {@code text/plain; charset=UTF-8} or {@code text/html} part with
     * these UTF-8 bytes: 7bit for ASCII in lines of at most 998 bytes, quoted-printable when more
     * bytes are ASCII than not, base64 otherwise.
     */
    static String encodingOf(byte[] utf8) {
        int ascii = 0;
        int nonAscii = 0;
        int lineLength = 0;
        boolean longLine = false;
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (c == '\r' || c == '\n') {
                lineLength = 0;
                ascii++;
                continue;
            }
            if (++lineLength > LONGEST_7BIT_LINE) {
                longLine = true;
            }
            if (c >= 0x7F || (c < 0x20 && c != '\t')) {
                nonAscii++;
            } else {
                ascii++;
            }
        }
        if (nonAscii == 0) {
            return longLine ? QUOTED_PRINTABLE : SEVEN_BIT;
        }
        return ascii > nonAscii ? QUOTED_PRINTABLE : BASE64;
    }

    /** Writes the UTF-8 bytes in quoted-printable. */
    static void encode(byte[] utf8, MailBytes out) {
        // each byte is at most three, and a soft line break (three more) follows at least 73 of those
        byte[] encoded = new byte[utf8.length * 3 + utf8.length / 8 + 8];
        int size = 0;
        int count = 0;
        boolean gotSpace = false;
        boolean gotCR = false;
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (gotSpace) {
                // a space before a line break is encoded, so that it is not taken for padding
                if (c == '\r' || c == '\n') {
                    count += 3;
                    if (count > LINE) {
                        size = softBreak(encoded, size);
                        count = 3;
                    }
                    encoded[size++] = '=';
                    encoded[size++] = '2';
                    encoded[size++] = '0';
                } else {
                    if (++count > LINE) {
                        size = softBreak(encoded, size);
                        count = 1;
                    }
                    encoded[size++] = ' ';
                }
                gotSpace = false;
            }
            if (c == '\r' || (c == '\n' && !gotCR)) {
                encoded[size++] = '\r';
                encoded[size++] = '\n';
                count = 0;
            } else if (c == ' ') {
                gotSpace = true;
            } else if (c < 0x20 || c >= 0x7F || c == '=') {
                if (c != '\n') {
                    count += 3;
                    if (count > LINE) {
                        size = softBreak(encoded, size);
                        count = 3;
                    }
                    encoded[size++] = '=';
                    encoded[size++] = HEX[c >> 4];
                    encoded[size++] = HEX[c & 0xF];
                }
            } else {
                if (++count > LINE) {
                    size = softBreak(encoded, size);
                    count = 1;
                }
                encoded[size++] = (byte) c;
            }
            gotCR = c == '\r';
        }
        if (gotSpace) {
            if (count + 3 > LINE) {
                size = softBreak(encoded, size);
            }
            encoded[size++] = '=';
            encoded[size++] = '2';
            encoded[size++] = '0';
        }
        out.write(encoded, size);
    }

    private static int softBreak(byte[] encoded, int size) {
        encoded[size] = '=';
        encoded[size + 1] = '\r';
        encoded[size + 2] = '\n';
        return size + 3;
    }
}
