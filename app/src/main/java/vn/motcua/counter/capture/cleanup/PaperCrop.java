package vn.motcua.counter.capture.cleanup;

import java.awt.Rectangle;

/**
 * Finds the paper on the scanner bed. The bed (or lid shadow) is dark and touches the image border, so a flood
 * from the border through dark pixels marks it; the paper is what is left. Dark text never touches the border
 * because documents have margins.
 */
public final class PaperCrop {

    /** Darker than this on the reduced image counts as scanner bed. */
    private static final int BED_LEVEL = 96;

    private PaperCrop() {
    }

    public static boolean[] bedMask(GreyImage img) {
        int w = img.width();
        int h = img.height();
        boolean[] bed = new boolean[w * h];
        int[] stack = new int[w * h];
        int top = 0;
        for (int x = 0; x < w; x++) {
            top = seed(img, bed, stack, top, x);
            top = seed(img, bed, stack, top, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            top = seed(img, bed, stack, top, y * w);
            top = seed(img, bed, stack, top, y * w + w - 1);
        }
        while (top > 0) {
            int p = stack[--top];
            int x = p % w;
            int y = p / w;
            if (x > 0) {
                top = seed(img, bed, stack, top, p - 1);
            }
            if (x < w - 1) {
                top = seed(img, bed, stack, top, p + 1);
            }
            if (y > 0) {
                top = seed(img, bed, stack, top, p - w);
            }
            if (y < h - 1) {
                top = seed(img, bed, stack, top, p + w);
            }
        }
        return bed;
    }

    private static int seed(GreyImage img, boolean[] bed, int[] stack, int top, int p) {
        if (!bed[p] && (img.pixels()[p] & 0xff) < BED_LEVEL) {
            bed[p] = true;
            stack[top++] = p;
        }
        return top;
    }

    /** Bed fraction: above ~2% of the border area the scan shows the bed and needs cropping. */
    public static double bedFraction(boolean[] bed) {
        int n = 0;
        for (boolean b : bed) {
            n += b ? 1 : 0;
        }
        return (double) n / bed.length;
    }

    /**
     * The paper's rectangle at full resolution: rows and columns that are mostly paper on the reduced image,
     * shrunk by one reduced pixel so no bed edge is left.
     */
    public static Rectangle paper(boolean[] bed, int w, int h, int factor, int fullWidth, int fullHeight) {
        int top = 0;
        while (top < h && bedRatioRow(bed, w, top) > 0.5) {
            top++;
        }
        int bottom = h - 1;
        while (bottom > top && bedRatioRow(bed, w, bottom) > 0.5) {
            bottom--;
        }
        int left = 0;
        while (left < w && bedRatioColumn(bed, w, h, left) > 0.5) {
            left++;
        }
        int right = w - 1;
        while (right > left && bedRatioColumn(bed, w, h, right) > 0.5) {
            right--;
        }
        if (top == 0 && left == 0 && bottom == h - 1 && right == w - 1) {
            return new Rectangle(0, 0, fullWidth, fullHeight);
        }
        int x0 = Math.min(fullWidth - 1, (left + (left > 0 ? 1 : 0)) * factor);
        int y0 = Math.min(fullHeight - 1, (top + (top > 0 ? 1 : 0)) * factor);
        int x1 = right == w - 1 ? fullWidth : Math.min(fullWidth, right * factor);
        int y1 = bottom == h - 1 ? fullHeight : Math.min(fullHeight, bottom * factor);
        return new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    private static double bedRatioRow(boolean[] bed, int w, int y) {
        int n = 0;
        for (int x = 0; x < w; x++) {
            n += bed[y * w + x] ? 1 : 0;
        }
        return (double) n / w;
    }

    private static double bedRatioColumn(boolean[] bed, int w, int h, int x) {
        int n = 0;
        for (int y = 0; y < h; y++) {
            n += bed[y * w + x] ? 1 : 0;
        }
        return (double) n / h;
    }

    /**
     * Calls {@code paint} for every output pixel that is still bed: {@code bed} is a mask of the deskewed page
     * {@code factor} times smaller than the scan, the output shows {@code crop} of it at {@code scale}.
     */
    public static void forEachBedPixel(boolean[] bed, int bedWidth, int factor, Rectangle crop, double scale,
                                       int outWidth, int outHeight, java.util.function.IntConsumer paint) {
        int bedHeight = bed.length / bedWidth;
        for (int y = 0; y < outHeight; y++) {
            int ry = Math.min(bedHeight - 1, (int) ((y / scale + crop.y) / factor));
            for (int x = 0; x < outWidth; x++) {
                int rx = Math.min(bedWidth - 1, (int) ((x / scale + crop.x) / factor));
                if (bed[ry * bedWidth + rx]) {
                    paint.accept(y * outWidth + x);
                }
            }
        }
    }
}
