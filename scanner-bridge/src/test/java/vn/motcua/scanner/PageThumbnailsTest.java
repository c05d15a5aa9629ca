package vn.motcua.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PageThumbnailsTest {

    @Test
    void keepsTheAspectRatioAndAStandardType() {
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_BINARY);

        BufferedImage thumbnail = PageThumbnails.of(page, 160);

        assertThat(thumbnail.getWidth()).isEqualTo(160);
        assertThat(thumbnail.getHeight()).isBetween(225, 227);
        assertThat(thumbnail.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }

    @Test
    void textStaysVisibleAfterShrinking() {
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        var g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 2480, 3508);
        g.setColor(java.awt.Color.BLACK);
        for (int y = 200; y < 3300; y += 60) {
            g.fillRect(200, y, 2000, 4); // thin lines, like text strokes at 300 dpi
        }
        g.dispose();

        BufferedImage thumbnail = PageThumbnails.of(page, 160);

        int darkest = 255;
        for (int y = 0; y < thumbnail.getHeight(); y++) {
            darkest = Math.min(darkest, thumbnail.getRaster().getSample(80, y, 0));
        }
        assertThat(darkest).as("4-pixel lines must not vanish").isLessThan(200);
    }

    @Test
    void colourStaysColour() {
        BufferedImage page = new BufferedImage(1654, 2339, BufferedImage.TYPE_INT_RGB);
        var g = page.createGraphics();
        g.setColor(new java.awt.Color(200, 30, 40));
        g.fillRect(0, 0, 1654, 2339);
        g.dispose();

        BufferedImage thumbnail = PageThumbnails.of(page, 160);

        assertThat(thumbnail.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(thumbnail.getRGB(80, 100) & 0xffffff).isEqualTo(0xc81e28);
    }
}
