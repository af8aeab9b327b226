package ru.rassylka.blog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The image formats an article may show, recognised by their content (never by the file name):
 * the signature first, then the image header must be readable and of a sane size.
 */
public enum ImageFormat {
    PNG("image/png"),
    JPEG("image/jpeg"),
    WEBP("image/webp");

    /** The largest upload: 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Larger pictures are refused whatever their file size, so that decoding them stays cheap. */
    static final int MAX_SIDE = 10_000;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of an image that can be shown, or empty for anything else (HTML named .png, a broken file …). */
    public static Optional<ImageFormat> of(byte[] data) {
        if (startsWith(data, PNG_SIGNATURE)) {
            return readable(data, "png") ? Optional.of(PNG) : Optional.empty();
        }
        if (startsWith(data, JPEG_SIGNATURE)) {
            return readable(data, "jpeg") ? Optional.of(JPEG) : Optional.empty();
        }
        return isWebp(data) ? Optional.of(WEBP) : Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Whether an image reader accepts the header and finds a picture of a sane size. */
    private static boolean readable(byte[] data, String formatName) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        if (!readers.hasNext()) {
            return false;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            reader.dispose();
        }
    }

    /** A RIFF container of type WEBP whose length matches and whose first chunk is a VP8 bitstream. */
    private static boolean isWebp(byte[] data) {
        if (data.length < 20 || !ascii(data, 0, "RIFF") || !ascii(data, 8, "WEBP")) {
            return false;
        }
        long riffLength =
                ByteBuffer.wrap(data, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        return riffLength + 8 == data.length
                && (ascii(data, 12, "VP8 ") || ascii(data, 12, "VP8L") || ascii(data, 12, "VP8X"));
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (data[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
