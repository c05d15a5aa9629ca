package vn.motcua.counter.capture.cleanup;

/**
 * Sauvola adaptive thresholding: a pixel is ink when darker than {@code m·(1 + k·(s/R − 1))}, with m and s the mean
 * and standard deviation of a window around it. Unlike one global (Otsu) threshold it survives uneven lighting,
 * yellowed paper and grey form backgrounds, and with k = 0.3 flat noisy paper stays white. Column sums slide
 * down the rows and prefix sums across them, so the cost is O(pixels) whatever the window size.
 */
public final class SauvolaBinarizer {

    private static final double R = 128;
    private final double k;

    public SauvolaBinarizer(double k) {
        this.k = k;
    }

    public SauvolaBinarizer() {
        this(0.3);
    }

    /** Window about 1/8 inch (37 px at 300 dpi): wider than a stroke, narrower than shading changes. */
    public static int radius(int dpi) {
        return Math.max(7, dpi / 16);
    }

    public BinaryImage binarize(GreyImage img, int dpi) {
        GreyImage t = thresholds(img, radius(dpi), 1);
        byte[] out = new byte[img.pixels().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((img.pixels()[i] & 0xff) < (t.pixels()[i] & 0xff) ? 1 : 0);
        }
        return new BinaryImage(img.width(), img.height(), out);
    }

    /**
     * The Sauvola threshold at the centre of every {@code step} × {@code step} block of {@code img}, as an image
     * {@code step} times smaller. The clean-up computes them on the 2× reduction at step 2 and applies them at
     * full resolution ({@link Warp#threshold}): thresholds vary over the window's size (1/8 inch), so one per
     * 1/75 inch is plenty, and the square root per evaluated point is most of the cost.
     */
    public GreyImage thresholds(GreyImage img, int r, int step) {
        int w = img.width();
        int h = img.height();
        int ow = Math.max(1, w / step);
        int oh = Math.max(1, h / step);
        byte[] px = img.pixels();
        byte[] out = new byte[ow * oh];
        int[] colSum = new int[w];
        int[] colSq = new int[w];
        // prefix sums over the column sums of one evaluated row: any window sum in two reads
        long[] sumPrefix = new long[w + 1];
        long[] sqPrefix = new long[w + 1];
        // rows [top, bottom] are in the column sums
        int top = 0;
        int bottom = -1;
        for (int oy = 0; oy < oh; oy++) {
            int y = Math.min(h - 1, oy * step + step / 2);
            int wantTop = Math.max(0, y - r);
            int wantBottom = Math.min(h - 1, y + r);
            while (bottom < wantBottom) {
                bottom++;
                addRow(px, bottom * w, w, colSum, colSq, 1);
            }
            while (top < wantTop) {
                addRow(px, top * w, w, colSum, colSq, -1);
                top++;
            }
            for (int x = 0; x < w; x++) {
                sumPrefix[x + 1] = sumPrefix[x] + colSum[x];
                sqPrefix[x + 1] = sqPrefix[x] + colSq[x];
            }
            int rows = bottom - top + 1;
            for (int ox = 0; ox < ow; ox++) {
                int x = Math.min(w - 1, ox * step + step / 2);
                int left = Math.max(0, x - r);
                int right = Math.min(w - 1, x + r);
                int n = rows * (right - left + 1);
                double mean = (double) (sumPrefix[right + 1] - sumPrefix[left]) / n;
                double var = (double) (sqPrefix[right + 1] - sqPrefix[left]) / n - mean * mean;
                double threshold = mean * (1 + k * (Math.sqrt(Math.max(0, var)) / R - 1));
                out[oy * ow + ox] = (byte) Math.max(0, Math.min(255, (int) threshold));
            }
        }
        return new GreyImage(ow, oh, out);
    }

    private static void addRow(byte[] px, int offset, int w, int[] colSum, int[] colSq, int sign) {
        for (int x = 0; x < w; x++) {
            int v = px[offset + x] & 0xff;
            colSum[x] += sign * v;
            colSq[x] += sign * v * v;
        }
    }
}
