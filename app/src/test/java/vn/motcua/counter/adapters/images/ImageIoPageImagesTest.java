package vn.motcua.counter.adapters.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.CounterException;

class ImageIoPageImagesTest {

    private final ImageIoPageImages images = new ImageIoPageImages();

    @Test
    void acceptsPngAndJpegPages() {
        assertThat(images.inspect(TestImages.png("Trang 1")).mediaType()).isEqualTo("image/png");
        var jpeg = images.inspect(TestImages.page("Trang 2", "jpg"));
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(jpeg.width()).isEqualTo(827);
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], "page.empty");
    }

    @Test
    void refusesSomethingThatIsNoImage() {
        assertRefused("%PDF-1.7 not an image".getBytes(), "page.unreadable");
    }

    @Test
    void refusesATruncatedJpeg() {
        byte[] jpeg = TestImages.page("Trang bị cắt", "jpg");
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), "page.unreadable");
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = TestImages.png("Trang bị cắt");
        assertRefused(Arrays.copyOf(png, png.length / 2), "page.unreadable");
    }

    @Test
    void refusesADecompressionBombBeforeDecodingIt() throws IOException {
        // A 60000 x 60000 PNG header: 3.6 gigapixels would need >10 GB once decoded.
        assertRefused(pngHeader(60_000, 60_000), "page.too_large");
    }

    private void assertRefused(byte[] content, String key) {
        assertThatThrownBy(() -> images.inspect(content))
                .isInstanceOf(CounterException.class)
                .satisfies(e -> assertThat(((CounterException) e).messageKey()).isEqualTo(key));
    }

    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream chunk = new DataOutputStream(ihdr);
        chunk.writeBytes("IHDR");
        chunk.writeInt(width);
        chunk.writeInt(height);
        chunk.write(new byte[]{8, 2, 0, 0, 0}); // 8-bit RGB
        out.writeInt(13);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
