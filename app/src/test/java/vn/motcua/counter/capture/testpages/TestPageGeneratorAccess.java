package vn.motcua.counter.capture.testpages;

import java.awt.image.BufferedImage;

/** Measuring helpers shared by capture tests. */
public final class TestPageGeneratorAccess {
    private TestPageGeneratorAccess() {
    }

    public static int mm(double millimetres, int dpi) {
        return TestPageGenerator.mm(millimetres, dpi);
    }

    public static int redPixelsAround(BufferedImage img, int cx, int cy, int r) {
        return CapturePageGeneratorTest.redPixelsAround(img, cx, cy, r);
    }
}
