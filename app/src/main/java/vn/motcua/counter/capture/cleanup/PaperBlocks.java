package vn.motcua.counter.capture.cleanup;

/**
 * Which 8 × 8 blocks of a scan are paper together with their eight neighbours: every pixel of the 24 × 24 pixels
 * around the block is at or above the block's level. Most of a page is paper, so a warp that starts a short run
 * of output pixels in such a block knows the whole run (and the bilinear neighbours it would read) is paper and
 * skips it without reading the scan. A weighted mean is never below its smallest term, so the skip is exact.
 */
final class PaperBlocks {

    private static final int SHIFT = 3;
    private static final int SIZE = 1 << SHIFT;

    private final boolean[] paper;
    private final int columns;

    private PaperBlocks(boolean[] paper, int columns) {
        this.paper = paper;
        this.columns = columns;
    }

    /**
     * Blocks where one plane of {@code px} (pixel i at {@code offset + i·pixelStride}, as for
     * {@link Warp#grey(byte[], int, int, int, int, int[], int, PaperBlocks)}) is at least {@code level} everywhere
     * around.
     */
    static PaperBlocks above(byte[] px, int pixelStride, int offset, int w, int h, int level) {
        int[] min = dilatedMin(px, pixelStride, offset, w, h);
        boolean[] paper = new boolean[min.length];
        for (int b = 0; b < min.length; b++) {
            paper[b] = min[b] >= level;
        }
        return new PaperBlocks(paper, columns(w));
    }

    /**
     * Blocks where every pixel of interleaved B, G, R bytes around has each channel at least its {@code levels}
     * (in B, G, R order; 256: never), read in one pass.
     */
    static PaperBlocks aboveAll(byte[] bgr, int w, int h, int[] levels) {
        // a pixel counts as 255 or more exactly when every channel is at or above its level
        int b = 255 - levels[0];
        int g = 255 - levels[1];
        int r = 255 - levels[2];
        int[] min = dilatedMin(w, h, (y, columnMin) -> {
            for (int x = 0, i = 3 * y * w; x < w; x++, i += 3) {
                int v = Math.min(Math.min((bgr[i] & 0xff) + b, (bgr[i + 1] & 0xff) + g), (bgr[i + 2] & 0xff) + r);
                columnMin[x] = Math.min(columnMin[x], v);
            }
        });
        boolean[] paper = new boolean[min.length];
        for (int k = 0; k < min.length; k++) {
            paper[k] = min[k] >= 255;
        }
        return new PaperBlocks(paper, columns(w));
    }

    /**
     * Blocks where the scan is at least every threshold that applies around them: {@code thresholds} holds one
     * value per {@code cell} × {@code cell} scan pixels.
     */
    static PaperBlocks aboveThresholds(GreyImage src, GreyImage thresholds, int cell) {
        int cols = columns(src.width());
        int rows = columns(src.height());
        int[] maxT = new int[cols * rows];
        byte[] t = thresholds.pixels();
        int tw = thresholds.width();
        int th = thresholds.height();
        for (int by = 0; by < rows; by++) {
            int ty0 = Math.min(th - 1, (by << SHIFT) / cell);
            int ty1 = Math.min(th - 1, ((by << SHIFT) + SIZE - 1) / cell);
            for (int bx = 0; bx < cols; bx++) {
                int tx0 = Math.min(tw - 1, (bx << SHIFT) / cell);
                int tx1 = Math.min(tw - 1, ((bx << SHIFT) + SIZE - 1) / cell);
                int m = 0;
                for (int ty = ty0; ty <= ty1; ty++) {
                    for (int tx = tx0; tx <= tx1; tx++) {
                        m = Math.max(m, t[ty * tw + tx] & 0xff);
                    }
                }
                maxT[by * cols + bx] = m;
            }
        }
        int[] min = dilatedMin(src.pixels(), 1, 0, src.width(), src.height());
        int[] limit = dilate(maxT, cols, rows, true);
        boolean[] paper = new boolean[min.length];
        for (int b = 0; b < min.length; b++) {
            paper[b] = min[b] >= limit[b];
        }
        return new PaperBlocks(paper, cols);
    }

    private static int columns(int pixels) {
        return (pixels + SIZE - 1) >> SHIFT;
    }

    /** Each block's minimum of one plane over itself and its neighbours. */
    private static int[] dilatedMin(byte[] px, int pixelStride, int offset, int w, int h) {
        return dilatedMin(w, h, (y, columnMin) -> {
            for (int x = 0, i = y * w * pixelStride + offset; x < w; x++, i += pixelStride) {
                columnMin[x] = Math.min(columnMin[x], px[i] & 0xff);
            }
        });
    }

    /** Lowers {@code columnMin[x]} to the value of pixel (x, y) where that is lower. */
    private interface RowMinimum {
        void lower(int y, int[] columnMin);
    }

    /** Each block's minimum over itself and its neighbours of the values {@code rows} gives (255 at most). */
    private static int[] dilatedMin(int w, int h, RowMinimum rows) {
        int cols = columns(w);
        int rowCount = columns(h);
        int[] min = new int[cols * rowCount];
        // down each column of a band of 8 rows first (the scan is read row by row), then across 8 columns
        int[] columnMin = new int[cols << SHIFT];
        for (int by = 0; by < rowCount; by++) {
            java.util.Arrays.fill(columnMin, 255);
            for (int y = by << SHIFT, end = Math.min(h, y + SIZE); y < end; y++) {
                rows.lower(y, columnMin);
            }
            for (int bx = 0; bx < cols; bx++) {
                int m = 255;
                for (int x = bx << SHIFT, end = x + SIZE; x < end; x++) {
                    m = Math.min(m, columnMin[x]);
                }
                min[by * cols + bx] = m;
            }
        }
        return dilate(min, cols, rowCount, false);
    }

    /** 3 × 3 maximum ({@code max}) or minimum of a block map; outside the map does not count. */
    private static int[] dilate(int[] v, int cols, int rows, boolean max) {
        int[] out = new int[v.length];
        for (int by = 0; by < rows; by++) {
            for (int bx = 0; bx < cols; bx++) {
                int m = v[by * cols + bx];
                for (int y = Math.max(0, by - 1); y <= Math.min(rows - 1, by + 1); y++) {
                    for (int x = Math.max(0, bx - 1); x <= Math.min(cols - 1, bx + 1); x++) {
                        m = max ? Math.max(m, v[y * cols + x]) : Math.min(m, v[y * cols + x]);
                    }
                }
                out[by * cols + bx] = m;
            }
        }
        return out;
    }

    /** Whether the run starting at scan point (sx, sy), 16.16 fixed point, inside the scan, is paper. */
    boolean at(long sx, long sy) {
        return paper[(int) (sy >> (16 + SHIFT)) * columns + (int) (sx >> (16 + SHIFT))];
    }

    /**
     * How many output pixels a run may have when each steps the scan point by at most {@code step} pixels along
     * an axis: its points and their bilinear neighbours then stay within one block of where it starts.
     */
    static int run(double step) {
        return 1 + (int) ((SIZE - 2) / Math.max(step, 1e-3));
    }
}
