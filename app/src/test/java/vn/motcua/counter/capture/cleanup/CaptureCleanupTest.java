package vn.motcua.counter.capture.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.PageKind;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGeneratorAccess;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

class CaptureCleanupTest {

    private final DefaultPageCleanup cleanup = new DefaultPageCleanup();

    @ParameterizedTest
    @CsvSource({"0.5, 300", "-2.3, 300", "4.9, 300", "-12.0, 200", "1.7, 200"})
    void measuresAKnownSkewWithinAFifthOfADegree(double skew, int dpi) {
        var page = TestPageGenerator.generate(Layout.FORM, Scan.of(dpi, skew), (long) (skew * 10));
        CleanedPage cleaned = cleanup.clean(page.image(), dpi);
        assertThat(cleaned.skewDegrees()).isCloseTo(skew, within(0.2));
        assertThat(cleaned.quarterTurns()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3"})
    void turnsSidewaysAndUpsideDownPagesUpright(int turnsOfThePaper) {
        var page = TestPageGenerator.generate(Layout.FORM, Scan.of(200, 1.0).turned(turnsOfThePaper), 3);
        CleanedPage cleaned = cleanup.clean(page.image(), 200);
        assertThat(cleaned.quarterTurns()).isEqualTo(4 - turnsOfThePaper);
        assertThat(cleaned.copyImage().getHeight()).isGreaterThan(cleaned.copyImage().getWidth());
    }

    @Test
    void textOnlyPageBecomesBilevelAndIsNotBlank() {
        var page = TestPageGenerator.generate(Layout.FORM, Scan.of(300, 1.2), 11);
        CleanedPage cleaned = cleanup.clean(page.image(), 300);
        assertThat(cleaned.kind()).isEqualTo(PageKind.BILEVEL);
        assertThat(cleaned.copyImage().getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(cleaned.copyDpi()).isEqualTo(300);
        assertThat(cleaned.blankSuspected()).isFalse();
        // despeckled: the 400 dust specks of the scan are gone from the paper between the lines
        assertThat(darkPixels(cleaned.copyImage(), 0, 2900, 2480, 500)).isLessThan(50);
    }

    @Test
    void blankPageWithDustIsFlagged() {
        var page = TestPageGenerator.generate(Layout.BLANK, Scan.of(300, 0.8), 5);
        assertThat(cleanup.clean(page.image(), 300).blankSuspected()).isTrue();
    }

    @Test
    void sealPageStaysColourAndTheSealStaysRed() {
        var page = TestPageGenerator.generate(Layout.CERTIFICATE_WITH_SEAL, Scan.of(300, 2.0), 21);
        CleanedPage cleaned = cleanup.clean(page.image(), 300);
        assertThat(cleaned.kind()).isEqualTo(PageKind.COLOUR);
        assertThat(cleaned.copyDpi()).isEqualTo(200);
        BufferedImage copy = cleaned.copyImage();
        int cx = page.sealCentre().x * 200 / 300;
        int cy = page.sealCentre().y * 200 / 300;
        int red = TestPageGeneratorAccess.redPixelsAround(copy, cx, cy, 160);
        assertThat(red).as("red seal pixels at 200 dpi").isGreaterThan(1500);
        // and the red is not in the OCR image: the red channel shows seal ink as light
        assertThat(darkPixels(cleaned.ocrImage(), page.sealCentre().x - 40, page.sealCentre().y - 40, 80, 80))
                .as("seal star in the OCR image").isLessThan(200);
    }

    @Test
    void idCardCopyWithAPhotoStaysGrey() {
        var page = TestPageGenerator.generate(Layout.ID_CARD, Scan.of(300, 0.7), 8);
        CleanedPage cleaned = cleanup.clean(page.image(), 300);
        assertThat(cleaned.kind()).isEqualTo(PageKind.GREY);
        assertThat(cleaned.copyImage().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }

    @Test
    void cropsTheScannerBedAwayAndKeepsThePaper() {
        var page = TestPageGenerator.generate(Layout.FORM, Scan.of(200, 3.0).withBed(10), 4);
        CleanedPage cleaned = cleanup.clean(page.image(), 200);
        int a4w = TestPageGeneratorAccess.mm(210, 200);
        int a4h = TestPageGeneratorAccess.mm(297, 200);
        BufferedImage copy = cleaned.copyImage();
        assertThat(copy.getWidth()).isBetween(a4w - a4w / 20, a4w + a4w / 50);
        assertThat(copy.getHeight()).isBetween(a4h - a4h / 20, a4h + a4h / 50);
        // no dark bed strip is left along any edge
        assertThat(darkPixels(copy, 0, 0, copy.getWidth(), 6)).isLessThan(copy.getWidth() / 20);
        assertThat(darkPixels(copy, 0, 0, 6, copy.getHeight())).isLessThan(copy.getHeight() / 20);
        assertThat(darkPixels(copy, copy.getWidth() - 6, 0, 6, copy.getHeight())).isLessThan(copy.getHeight() / 20);
        assertThat(cleaned.skewDegrees()).isCloseTo(3.0, within(0.2));
    }

    static int darkPixels(BufferedImage img, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x0 + w); x++) {
                int p = img.getRGB(x, y);
                if (((p >> 16) & 0xff) < 100 && ((p >> 8) & 0xff) < 100) {
                    n++;
                }
            }
        }
        return n;
    }
}
