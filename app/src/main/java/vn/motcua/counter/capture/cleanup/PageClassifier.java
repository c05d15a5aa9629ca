package vn.motcua.counter.capture.cleanup;

import vn.motcua.counter.capture.PageKind;

/**
 * Decides how a page is kept. Colour: enough strongly chromatic pixels (a red seal, blue signature ink). Grey:
 * enough blocks made mostly of mid-tones (a photo, shading). Otherwise bilevel. Works on a ~75 dpi reduction,
 * where averaging has already smoothed the sensor noise.
 */
public final class PageClassifier {

    /** max − min channel above this is colour; scanner noise on grey paper stays well below. */
    private static final int CHROMA = 60;
    /** 0.05% of the page, ~270 pixels at 75 dpi: a seal has thousands, stray colour fringes dozens. */
    private static final double COLOUR_FRACTION = 0.0005;
    private static final int BLOCK = 8;
    private static final int PHOTO_BLOCKS = 6;

    private PageClassifier() {
    }

    public static PageKind classify(int[] rgb, int width, int height, boolean[] bed) {
        int chromatic = 0;
        int counted = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (bed != null && bed[i]) {
                continue;
            }
            counted++;
            int p = rgb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > CHROMA) {
                chromatic++;
            }
        }
        if (counted > 0 && chromatic > counted * COLOUR_FRACTION) {
            return PageKind.COLOUR;
        }
        return photoBlocks(GreyImage.luminance(rgb, width, height), bed) >= PHOTO_BLOCKS ? PageKind.GREY
                : PageKind.BILEVEL;
    }

    /** Blocks where at least 70% of pixels are mid-grey: text is mostly paper, photos are mostly mid-tones. */
    static int photoBlocks(GreyImage img, boolean[] bed) {
        int count = 0;
        for (int by = 0; by + BLOCK <= img.height(); by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= img.width(); bx += BLOCK) {
                int mid = 0;
                for (int y = by; y < by + BLOCK; y++) {
                    for (int x = bx; x < bx + BLOCK; x++) {
                        int i = y * img.width() + x;
                        int v = img.pixels()[i] & 0xff;
                        if (v > 40 && v < 200 && (bed == null || !bed[i])) {
                            mid++;
                        }
                    }
                }
                if (mid >= BLOCK * BLOCK * 7 / 10) {
                    count++;
                }
            }
        }
        return count;
    }
}
