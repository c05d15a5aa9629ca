package vn.motcua.scanner.simulator.demo;

import java.awt.image.BufferedImage;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PageImages;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.Side;

/** The simulated scanner's pages, for other simulators (the eSCL simulator serves the same forms). */
public final class DemoPages {

    private DemoPages() {
    }

    public static BufferedImage render(int sheet, Side side, int dpi, PaperSize paper, ColorMode mode) {
        return PageImages.toStandard(DemoPageRenderer.render(sheet, side, dpi, paper), mode);
    }
}
