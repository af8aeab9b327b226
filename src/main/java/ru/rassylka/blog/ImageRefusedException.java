package ru.rassylka.blog;

import ru.rassylka.platform.BusinessException;

/** An upload that is not a PNG, JPEG or WebP image, or is too large: nothing is stored. */
public class ImageRefusedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ImageRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    /** Refuses a file larger than {@link ImageFormat#MAX_BYTES} before it is read. */
    public static void checkSize(long size) {
        if (size > ImageFormat.MAX_BYTES) {
            throw new ImageRefusedException("blog.image.tooLarge", ImageFormat.MAX_BYTES / (1024 * 1024));
        }
    }

    /** The format of an acceptable upload, or the refusal with its reason. */
    public static ImageFormat check(byte[] data) {
        if (data == null || data.length == 0) {
            throw new ImageRefusedException("blog.image.notAnImage");
        }
        checkSize(data.length);
        return ImageFormat.of(data).orElseThrow(() -> new ImageRefusedException("blog.image.notAnImage"));
    }
}
