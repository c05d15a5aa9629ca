package vn.motcua.counter.adapters.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
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
        assertRefused(TestImages.pngHeader(60_000, 60_000), "page.too_large");
    }

    private void assertRefused(byte[] content, String key) {
        assertThatThrownBy(() -> images.inspect(content))
                .isInstanceOf(CounterException.class)
                .satisfies(e -> assertThat(((CounterException) e).messageKey()).isEqualTo(key));
    }
}
