package ru.rassylka.mail;

import java.util.Arrays;

/**
 * A growing array of an e-mail's bytes, written by one thread: what {@link java.io.ByteArrayOutputStream}
 * does without a lock taken at every byte.
 */
final class MailBytes {

    private byte[] bytes;
    private int size;

    MailBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    void write(byte[] more) {
        write(more, more.length);
    }

    void write(byte[] more, int length) {
        int end = size + length;
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
        }
        System.arraycopy(more, 0, bytes, size, length);
        size = end;
    }

    /** The characters' low eight bits, as Jakarta Mail writes a header line that is not UTF-8. */
    void writeLow8(String text) {
        int end = size + text.length();
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
        }
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
