package ru.rassylka.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The value of a {@code Subject:} header as {@code MimeMessage.setSubject(subject, "UTF-8")} writes
 * it: encoded words of RFC 2047 in UTF-8 (B when most characters are not ASCII, otherwise Q), each
 * at most 75 characters, the whole folded after 76 columns; the same characters to the last. A
 * mailing's subject differs for every recipient; Jakarta Mail encodes it through an encoder stream
 * that it looks up for every word, and unfolds it again through a line reader.
 */
final class SubjectHeader {

    private static final String CHARSET = "UTF-8";
    /** The encoded text a word holds: 75 characters less "=?", "?", "B", "?", "?=" and the charset. */
    private static final int AVAILABLE = 75 - 7 - CHARSET.length();
    /** The columns that "Subject: " takes before the value. */
    private static final int USED = 9;

    private static final int COLUMNS = 76;
    private static final String TEXT_SPECIALS = "=_?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SubjectHeader() {}

    static String of(String subject) throws UnsupportedEncodingException {
        if (subject.indexOf('\r') >= 0
                || subject.indexOf('\n') >= 0
                || System.getProperty("mail.mime.foldtext") != null
                || System.getProperty("mail.mime.foldencodedwords") != null) {
            // line breaks, or folding set otherwise: as Jakarta Mail itself does it
            return MimeUtility.fold(USED, MimeUtility.encodeText(subject, CHARSET, null));
        }
        return fold(encoded(subject));
    }

    private static String encoded(String text) {
        int ascii = 0;
        int nonAscii = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\r' && c != '\n' && c != '\t')) {
                nonAscii++;
            } else {
                ascii++;
            }
        }
        if (nonAscii == 0) {
            return text;
        }
        boolean base64 = ascii <= nonAscii;
        StringBuilder words = new StringBuilder(text.length() * 4);
        encode(text, base64, "=?" + CHARSET + "?" + (base64 ? "B" : "Q") + "?", true, words);
        return words.toString();
    }

    /** One word when it fits, otherwise the two halves in turn (a surrogate pair kept whole). */
    private static void encode(String text, boolean base64, String prefix, boolean first, StringBuilder words) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = base64 ? (bytes.length + 2) / 3 * 4 : qLength(bytes);
        int size = text.length();
        if (length > AVAILABLE && size > 1) {
            int split = size / 2;
            if (Character.isHighSurrogate(text.charAt(split - 1))) {
                split--;
            }
            if (split > 0) {
                encode(text.substring(0, split), base64, prefix, first, words);
            }
            encode(text.substring(split, size), base64, prefix, false, words);
            return;
        }
        if (!first) {
            words.append(' ');
        }
        words.append(prefix);
        if (base64) {
            words.append(Base64.getEncoder().encodeToString(bytes));
        } else {
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (c == ' ') {
                    words.append('_');
                } else if (c < 0x20 || c >= 0x7F || TEXT_SPECIALS.indexOf(c) >= 0) {
                    words.append('=').append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    words.append((char) c);
                }
            }
        }
        words.append("?=");
    }

    private static int qLength(byte[] bytes) {
        int length = 0;
        for (byte b : bytes) {
            int c = b & 0xFF;
            length += c < 0x20 || c >= 0x7F || TEXT_SPECIALS.indexOf(c) >= 0 ? 3 : 1;
        }
        return length;
    }

    /** Folds before a space or tab once a line would pass 76 columns, as {@code MimeUtility.fold} does. */
    private static String fold(String value) {
        String rest = value;
        int end = rest.length() - 1;
        while (end >= 0 && isBlank(rest.charAt(end))) {
            end--;
        }
        rest = rest.substring(0, end + 1);
        int used = USED;
        if (used + rest.length() <= COLUMNS) {
            return rest;
        }
        StringBuilder folded = new StringBuilder(rest.length() + 8);
        char last = 0;
        while (used + rest.length() > COLUMNS) {
            int lastSpace = -1;
            for (int i = 0; i < rest.length(); i++) {
                if (lastSpace != -1 && used + i > COLUMNS) {
                    break;
                }
                char c = rest.charAt(i);
                if ((c == ' ' || c == '\t') && !(last == ' ' || last == '\t')) {
                    lastSpace = i;
                }
                last = c;
            }
            if (lastSpace == -1) {
                break;
            }
            folded.append(rest, 0, lastSpace).append("\r\n");
            last = rest.charAt(lastSpace);
            folded.append(last);
            rest = rest.substring(lastSpace + 1);
            used = 1;
        }
        folded.append(rest);
        return withoutBlankLines(folded);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /**
     * What Jakarta Mail's last step ({@code makesafe}) leaves of folded text: its lines without
     * the blank ones, each after the first starting with white space.
     */
    private static String withoutBlankLines(CharSequence folded) {
        String text = folded.toString();
        if (text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 1);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf("\r\n", start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 2;
            if (line.trim().isEmpty()) {
                continue;
            }
            if (safe.length() > 0) {
                safe.append("\r\n");
                if (line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                    safe.append(' ');
                }
            }
            safe.append(line);
        }
        return safe.toString();
    }
}
