package ru.rassylka.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.TestImages;

class ImageFormatTest {

    @Test
    void pngAndJpegAreRecognisedByTheirContent() {
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.of(TestImages.png(8)));
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.of(TestImages.jpeg(8)));
    }

    @Test
    void webpIsRecognisedByItsRiffHeader() {
        assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.of(webp("VP8L")));
        assertEquals(Optional.empty(), ImageFormat.of(webp("ABCD")));
    }

    @Test
    void htmlNamedPngIsNoImage() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        assertEquals(Optional.empty(), ImageFormat.of(html));
        ImageRefusedException refused =
                assertThrows(ImageRefusedException.class, () -> ImageRefusedException.check(html));
        assertEquals("blog.image.notAnImage", refused.getMessageKey());
    }

    @Test
    void pngSignatureFollowedByGarbageIsNoImage() {
        byte[] png = TestImages.png(8);
        byte[] broken = Arrays.copyOf(png, 12);

        assertEquals(Optional.empty(), ImageFormat.of(broken));
    }

    @Test
    void fileAboveFiveMegabytesIsRefusedBeforeItsContentIsLookedAt() {
        ImageRefusedException refused = assertThrows(
                ImageRefusedException.class, () -> ImageRefusedException.check(new byte[ImageFormat.MAX_BYTES + 1]));

        assertEquals("blog.image.tooLarge", refused.getMessageKey());
        assertEquals(5, refused.getArguments()[0]);
    }

    @Test
    void emptyUploadIsNoImage() {
        assertThrows(ImageRefusedException.class, () -> ImageRefusedException.check(new byte[0]));
    }

    private static byte[] webp(String chunk) {
        byte[] data = new byte[30];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 4);
        ByteBuffer.wrap(data, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length - 8);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, data, 8, 4);
        System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, data, 12, 4);
        return data;
    }
}
