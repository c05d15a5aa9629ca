package vn.motcua.counter.capture.testpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

public class CapturePageGeneratorTest {

    @Test
    void generatesA4AtTheRequestedResolutionWithVietnameseGroundTruth() {
        var page = TestPageGenerator.generate(Layout.FORM, Scan.of(300, 2.0), 1);
        assertThat(page.image().getWidth()).isEqualTo(2480);
        assertThat(page.image().getHeight()).isEqualTo(3508);
        assertThat(page.text()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ KHAI ĐĂNG KÝ KHAI SINH");
        assertThat(page.text().lines().count()).isGreaterThan(10);
    }

    @Test
    void sealIsRedAndPagesRepeatForASeed() {
        var a = TestPageGenerator.generate(Layout.CERTIFICATE_WITH_SEAL, Scan.of(200, 1.0), 7);
        var b = TestPageGenerator.generate(Layout.CERTIFICATE_WITH_SEAL, Scan.of(200, 1.0), 7);
        assertThat(a.text()).isEqualTo(b.text());
        assertThat(redPixelsAround(a.image(), a.sealCentre().x, a.sealCentre().y, 150)).isGreaterThan(1000);
        assertThat(a.text()).doesNotContain("PHƯỜNG BẾN NGHÉ *");
    }

    public static int redPixelsAround(BufferedImage img, int cx, int cy, int r) {
        int count = 0;
        for (int y = Math.max(0, cy - r); y < Math.min(img.getHeight(), cy + r); y++) {
            for (int x = Math.max(0, cx - r); x < Math.min(img.getWidth(), cx + r); x++) {
                int p = img.getRGB(x, y);
                int red = (p >> 16) & 0xff, green = (p >> 8) & 0xff, blue = p & 0xff;
                if (red > 150 && red - green > 70 && red - blue > 60) {
                    count++;
                }
            }
        }
        return count;
    }
}
