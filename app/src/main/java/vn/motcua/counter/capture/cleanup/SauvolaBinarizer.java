package vn.motcua.counter.capture.cleanup;

/**
 * Sauvola adaptive thresholding: a pixel is ink when darker than {@code m·(1 + k·(s/R − 1))}, with m and s the mean
 * and standard deviation of a window around it. Unlike one global (Otsu) threshold it survives uneven lighting,
 * yellowed paper and grey form backgrounds, and with k = 0.3 flat noisy paper stays white. Window sums slide
 * over rows and columns, so the cost is O(pixels) whatever the window size.
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
        GreyImage t = thresholds(img, radius(dpi));
        byte[] out = new byte[img.pixels().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((img.pixels()[i] & 0xff) < (t.pixels()[i] & 0xff) ? 1 : 0);
        }
        return new BinaryImage(img.width(), img.height(), out);
    }

    /**
     * The Sauvola threshold of every pixel. Computed on a 2× reduction and applied at full resolution by
     * {@link Warp#threshold}: thresholds vary slowly, so a quarter of the statistics is enough.
     */
    public GreyImage thresholds(GreyImage img, int r) {
        int w = img.width();
        int h = img.height();
        byte[] px = img.pixels();
        byte[] out = new byte[w * h];
        int[] colSum = new int[w];
        int[] colSq = new int[w];
        // rows [top, bottom] are in the column sums
        int top = 0;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
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
            int rows = bottom - top + 1;
            long s = 0;
            long sq = 0;
            int left = 0;
            int right = -1;
            for (int x = 0; x < w; x++) {
                int wantLeft = Math.max(0, x - r);
                int wantRight = Math.min(w - 1, x + r);
                while (right < wantRight) {
                    right++;
                    s += colSum[right];
                    sq += colSq[right];
                }
                while (left < wantLeft) {
                    s -= colSum[left];
                    sq -= colSq[left];
                    left++;
                }
                int n = rows * (right - left + 1);
                double mean = (double) s / n;
                double var = (double) sq / n - mean * mean;
                double threshold = mean * (1 + k * (Math.sqrt(Math.max(0, var)) / R - 1));
                out[y * w + x] = (byte) Math.max(0, Math.min(255, (int) threshold));
            }
        }
        return new GreyImage(w, h, out);
    }

    private static void addRow(byte[] px, int offset, int w, int[] colSum, int[] colSq, int sign) {
        for (int x = 0; x < w; x++) {
            int v = px[offset + x] & 0xff;
            colSum[x] += sign * v;
            colSq[x] += sign * v * v;
        }
    }
}
