package vn.motcua.counter.adapters.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.capture.input.PixelLimit;
import vn.motcua.counter.i18n.Messages;

/**
 * Decompression bombs at every door a file comes in by: a page file a clerk adds (image or PDF, with the bomb in the
 * PDF's image dictionary or in the JPEG header inside the PDF), and the page operations (inspect, thumbnail, turn).
 * Each is refused from its header, before decoding, with the clerk's message; the limit is the setting.
 */
class DecompressionBombTest {

    @TempDir
    Path dir;

    @Test
    void aTinyPngClaiming100000By100000IsRefusedWithAClearMessageBeforeDecoding() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), TestImages.pngHeader(100_000, 100_000));
        assertThat(Files.size(bomb)).isLessThan(100);
        long before = used();
        assertThatThrownBy(() -> new ScannedPageFiles().pages(bomb)).isInstanceOfSatisfying(CounterException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("capture.input.tooLarge");
                    assertThat(Messages.of(Settings.VIETNAMESE).describe(e))
                            .contains("bomb.png", "100000 × 100000", "80 triệu điểm ảnh");
                    assertThat(Messages.of(Locale.ENGLISH).describe(e))
                            .contains("bomb.png", "100000 × 100000", "80 megapixels");
                });
        assertThat(used() - before).isLessThan(200L << 20);   // 10^10 pixels would need 40 GB
    }

    @Test
    void everyPageOperationRefusesTheBombFromItsHeader() throws IOException {
        byte[] bomb = TestImages.pngHeader(100_000, 100_000);
        ImageIoPageImages images = new ImageIoPageImages();
        for (var operation : java.util.List.<Runnable>of(() -> images.inspect(bomb),
                () -> images.thumbnail(bomb, 120), () -> images.rotateClockwise(bomb))) {
            assertThatThrownBy(operation::run).isInstanceOfSatisfying(CounterException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("page.too_large");
                assertThat(Messages.of(Settings.VIETNAMESE).describe(e)).contains("100000 × 100000", "80 triệu");
            });
        }
    }

    @Test
    void aPdfWhoseImageDictionaryClaimsAHugeImageIsRefusedBeforeRendering() throws IOException {
        Path pdf = dir.resolve("bomb-dictionary.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = LosslessFactory.createFromImage(doc, new BufferedImage(200, 200,
                    BufferedImage.TYPE_INT_RGB));
            image.getCOSObject().setInt(COSName.WIDTH, 100_000);
            image.getCOSObject().setInt(COSName.HEIGHT, 100_000);
            writeOnePage(doc, image, pdf);
        }
        assertRefusedAsTooLarge(pdf, "100000 × 100000");
    }

    @Test
    void aPdfWhoseJpegHeaderClaimsMoreThanItsDictionaryIsRefused() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        patchJpegSize(bytes, 65_000, 65_000);
        Path pdf = dir.resolve("bomb-jpeg.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = JPEGFactory.createFromByteArray(doc, bytes);
            image.getCOSObject().setInt(COSName.WIDTH, 200);   // the dictionary lies; the JPEG decides the size
            image.getCOSObject().setInt(COSName.HEIGHT, 200);
            writeOnePage(doc, image, pdf);
        }
        assertRefusedAsTooLarge(pdf, "65000 × 65000");
    }

    @Test
    void theLimitIsTheImportMaxPixelsSetting() throws IOException {
        Path page = dir.resolve("page.png");
        ImageIO.write(new BufferedImage(1500, 1000, BufferedImage.TYPE_INT_RGB), "png", page.toFile());
        assertThat(new ScannedPageFiles().pages(page)).hasSize(1);

        PixelLimit limit = new CounterConfiguration(Settings.of(Map.of("import.max_pixels", "1000000")))
                .pixelLimit();
        assertThat(limit.maxPixels()).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> new ScannedPageFiles(limit).pages(page))
                .isInstanceOfSatisfying(CounterException.class, e -> assertThat(Messages.of(Locale.ENGLISH)
                        .describe(e)).contains("1500 × 1000", "limit of 1 megapixels"));
        assertThat(new CounterConfiguration(Settings.of(Map.of())).pixelLimit()).isEqualTo(PixelLimit.DEFAULT);
        assertThat(PixelLimit.DEFAULT.allows(7016, 9921)).as("A3 at 600 dpi").isTrue();
    }

    private static void assertRefusedAsTooLarge(Path pdf, String size) {
        long before = used();
        assertThatThrownBy(() -> new ScannedPageFiles().pages(pdf)).isInstanceOfSatisfying(CounterException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("capture.input.tooLarge");
                    assertThat(Messages.of(Settings.VIETNAMESE).describe(e)).contains(size);
                });
        assertThat(used() - before).isLessThan(400L << 20);
    }

    private static void writeOnePage(PDDocument doc, PDImageXObject image, Path file) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.drawImage(image, 50, 50, 200, 200);
        }
        doc.save(file.toFile());
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Rewrites the height and width of a baseline JPEG's SOF0 segment. */
    private static void patchJpegSize(byte[] jpeg, int width, int height) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return;
            }
        }
        throw new AssertionError("no SOF0 segment");
    }
}
