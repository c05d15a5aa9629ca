package vn.motcua.scanner.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.Side;

class DemoPageRendererTest {

    @Test
    void rendersHeadlessWithFontsThatShowVietnamese() {
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(DemoPageRenderer.fontsShowVietnamese())
                .as("DejaVu fonts (Debian fonts-dejavu-core) must be installed").isTrue();
    }

    @Test
    void oddSheetsCarryARedSealAndEvenSheetsDoNot() {
        BufferedImage first = DemoPageRenderer.render(1, Side.FRONT, 100, PaperSize.A4);
        BufferedImage second = DemoPageRenderer.render(2, Side.FRONT, 100, PaperSize.A4);

        assertThat(countPixels(first, true)).isGreaterThan(300);
        assertThat(countPixels(second, true)).isZero();
    }

    @Test
    void frontHasMuchMoreInkThanBack() {
        BufferedImage front = DemoPageRenderer.render(2, Side.FRONT, 100, PaperSize.A4);
        BufferedImage back = DemoPageRenderer.render(2, Side.BACK, 100, PaperSize.A4);

        assertThat(countPixels(front, false)).isGreaterThan(2 * countPixels(back, false)).isGreaterThan(2000);
    }

    private static int countPixels(BufferedImage image, boolean red) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                boolean match = red ? r > 180 && g < 120 && b < 120 : r < 100 && g < 100 && b < 100;
                if (match) {
                    count++;
                }
            }
        }
        return count;
    }
}
