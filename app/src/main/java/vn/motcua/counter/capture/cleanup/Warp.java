package vn.motcua.counter.capture.cleanup;

import java.awt.Rectangle;

/**
 * Deskew, crop and scale fused into one bilinear resampling pass (16.16 fixed point). An output pixel (X, Y) is
 * the point (X/scale + crop.x, Y/scale + crop.y) of the deskewed page, which sits at R(angle)·(p − centre) +
 * centre on the scan. One pass instead of three is most of what keeps clean-up near 100 ms a page.
 */
public final class Warp {

    private static final int[] IDENTITY = java.util.stream.IntStream.range(0, 256).toArray();

    private final long ax;
    private final long bx;
    private final long ay;
    private final long by;
    private final double cx0;
    private final double cy0;
    private final double[] m;
    public final int outWidth;
    public final int outHeight;

    /**
     * @param srcWidth scan width, @param srcHeight scan height, @param degrees measured skew (clockwise),
     * @param crop rectangle of the deskewed page to keep, in scan pixels, @param scale output / scan resolution
     */
    public Warp(int srcWidth, int srcHeight, double degrees, Rectangle crop, double scale) {
        double a = Math.toRadians(degrees);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double cx = srcWidth / 2.0;
        double cy = srcHeight / 2.0;
        m = new double[] {c / scale, -s / scale, s / scale, c / scale};
        ax = fix(m[0]);
        bx = fix(m[1]);
        ay = fix(m[2]);
        by = fix(m[3]);
        cx0 = c * (crop.x - cx) - s * (crop.y - cy) + cx;
        cy0 = s * (crop.x - cx) + c * (crop.y - cy) + cy;
        outWidth = Math.max(1, (int) Math.round(crop.width * scale));
        outHeight = Math.max(1, (int) Math.round(crop.height * scale));
    }

    private static long fix(double v) {
        return Math.round(v * 65536);
    }

    private long rowX(int y) {
        return fix(cx0 + m[1] * y + (m[0] + m[1]) * 0.5 - 0.5);
    }

    private long rowY(int y) {
        return fix(cy0 + m[3] * y + (m[2] + m[3]) * 0.5 - 0.5);
    }

    public GreyImage grey(GreyImage src, int fill) {
        return grey(src.pixels(), 1, 0, src.width(), src.height(), IDENTITY, fill, null);
    }

    /**
     * One plane of {@code px} (pixel i at {@code offset + i·pixelStride}, so a channel of interleaved BGR needs no
     * extraction first), resampled and mapped through {@code lut} (e.g. the whitening of {@link Whitening#greyLut}).
     * Runs that {@code paper} vouches for (null: none) become {@code lut[255]} without reading the scan. Outside
     * the scan is {@code fill}.
     */
    GreyImage grey(byte[] px, int pixelStride, int offset, int w, int h, int[] lut, int fill, PaperBlocks paper) {
        byte[] out = new byte[outWidth * outHeight];
        java.util.Arrays.fill(out, (byte) fill);
        int stride = w * pixelStride;
        forEachRun(w, h, paper, (o, from, to) -> java.util.Arrays.fill(out, o + from, o + to, (byte) lut[255]),
                (o, x, n, sx, sy) -> {
                    for (int end = x + n; x < end; x++, sx += ax, sy += ay) {
                        int fx = (int) (sx & 0xffff) >> 8;
                        int fy = (int) (sy & 0xffff) >> 8;
                        int i = (int) (sy >> 16) * stride + (int) (sx >> 16) * pixelStride + offset;
                        out[o + x] = (byte) lut[bilinear(px, i, pixelStride, stride, fx, fy)];
                    }
                });
        return new GreyImage(outWidth, outHeight, out);
    }

    /**
     * Bilevel output straight from the scan: a pixel is ink when its resampled grey value is below the threshold
     * of the scan point it comes from; {@code thresholds} holds one per {@code cell} × {@code cell} scan pixels.
     * Thresholds vary over the Sauvola window (1/8 inch), so looking them up on the scan rather than on the
     * deskewed page changes nothing that matters and spares deskewing the reduction they are computed on.
     * Outside the scan is paper.
     */
    public BinaryImage threshold(GreyImage src, GreyImage thresholds, int cell) {
        byte[] out = new byte[outWidth * outHeight];
        byte[] px = src.pixels();
        byte[] t = thresholds.pixels();
        int w = src.width();
        // the threshold row and column of each scan row and column, so the inner loop does no division
        int[] trow = new int[src.height()];
        for (int y = 0; y < trow.length; y++) {
            trow[y] = Math.min(thresholds.height() - 1, y / cell) * thresholds.width();
        }
        int[] tcol = new int[w];
        for (int x = 0; x < w; x++) {
            tcol[x] = Math.min(thresholds.width() - 1, x / cell);
        }
        PaperBlocks paper = PaperBlocks.aboveThresholds(src, thresholds, cell);
        forEachRun(w, src.height(), paper, null, (o, x, n, sx, sy) -> {
            for (int end = x + n; x < end; x++, sx += ax, sy += ay) {
                int ix = (int) (sx >> 16);
                int iy = (int) (sy >> 16);
                int limit = t[trow[iy] + tcol[ix]] & 0xff;
                // a weighted mean is never below its smallest term: with all four neighbours at or above the
                // threshold the pixel is paper without interpolating
                int i = iy * w + ix;
                if ((px[i] & 0xff) >= limit && (px[i + 1] & 0xff) >= limit && (px[i + w] & 0xff) >= limit
                        && (px[i + w + 1] & 0xff) >= limit) {
                    continue;
                }
                if (bilinear(px, w, sx, sy) < limit) {
                    out[o + x] = 1;
                }
            }
        });
        return new BinaryImage(outWidth, outHeight, out);
    }

    /** Output pixels per run that {@link PaperBlocks} can vouch for at this warp's step. */
    private int runLength() {
        return PaperBlocks.run(Math.max(Math.max(Math.abs(m[0]), Math.abs(m[1])),
                Math.max(Math.abs(m[2]), Math.abs(m[3]))));
    }

    /**
     * The columns [span[0], span[1]) of an output row starting at (sx, sy) whose source point has all four
     * bilinear neighbours on the scan; exact in the 16.16 fixed point the loops step in, so they need no checks.
     */
    void inside(long sx, long sy, int w, int h, int[] span) {
        long lo = 0;
        long hi = outWidth;
        long[] r = range(sx, ax, (long) (w - 1) << 16);
        lo = Math.max(lo, r[0]);
        hi = Math.min(hi, r[1]);
        r = range(sy, ay, (long) (h - 1) << 16);
        lo = Math.max(lo, r[0]);
        hi = Math.min(hi, r[1]);
        span[0] = (int) Math.min(lo, outWidth);
        span[1] = (int) Math.max(span[0], hi);
    }

    /** The x with 0 ≤ s0 + x·d < limit, as [from, to). */
    private static long[] range(long s0, long d, long limit) {
        if (d == 0) {
            return s0 >= 0 && s0 < limit ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE} : new long[] {0, 0};
        }
        if (d > 0) {
            return new long[] {Math.ceilDiv(-s0, d), Math.ceilDiv(limit - s0, d)};
        }
        return new long[] {Math.floorDiv(s0 - limit, -d) + 1, Math.floorDiv(s0, -d) + 1};
    }

    /**
     * Colour output, packed RGB, straight from the scan's interleaved B, G, R bytes and whitened through
     * {@code white}. Runs that {@code paper} vouches for become white without reading the scan; outside it is
     * white.
     */
    int[] rgb(byte[] bgr, int w, int h, Whitening.Colour white, PaperBlocks paper) {
        int[] out = new int[outWidth * outHeight];
        java.util.Arrays.fill(out, 0xffffff);
        int stride = 3 * w;
        forEachRun(w, h, paper, null, (o, x, n, sx, sy) -> {
            for (int end = x + n; x < end; x++, sx += ax, sy += ay) {
                int fx = (int) (sx & 0xffff) >> 8;
                int fy = (int) (sy & 0xffff) >> 8;
                int i = (int) (sy >> 16) * stride + (int) (sx >> 16) * 3;
                out[o + x] = white.apply(bilinear(bgr, i + 2, 3, stride, fx, fy),
                        bilinear(bgr, i + 1, 3, stride, fx, fy), bilinear(bgr, i, 3, stride, fx, fy));
            }
        });
        return out;
    }

    /** The columns [from, to) of the output row starting at out[o] whose source lies on the scan. */
    private interface Span {
        void at(int o, int from, int to);
    }

    /** A resampling's work on out[o + x] … out[o + x + n − 1], from scan point (sx, sy), 16.16 fixed point. */
    private interface Run {
        void resample(int o, int x, int n, long sx, long sy);
    }

    /**
     * Walks each output row's {@link #inside} columns (given first to {@code span}, if not null) in runs of at
     * most {@link #runLength()} pixels, and hands {@code run} those that {@code paper} (null: none) does not
     * vouch for.
     */
    private void forEachRun(int w, int h, PaperBlocks paper, Span span, Run run) {
        int length = runLength();
        int[] cols = new int[2];
        for (int y = 0; y < outHeight; y++) {
            long sx = rowX(y);
            long sy = rowY(y);
            int o = y * outWidth;
            inside(sx, sy, w, h, cols);
            if (span != null) {
                span.at(o, cols[0], cols[1]);
            }
            sx += cols[0] * ax;
            sy += cols[0] * ay;
            for (int x = cols[0]; x < cols[1]; x += length, sx += length * ax, sy += length * ay) {
                if (paper == null || !paper.at(sx, sy)) {
                    run.resample(o, x, Math.min(length, cols[1] - x), sx, sy);
                }
            }
        }
    }

    /** Bilinear mean of px[i], its right neighbour (pixelStride on) and the two below them (stride on). */
    private static int bilinear(byte[] px, int i, int pixelStride, int stride, int fx, int fy) {
        int top = (px[i] & 0xff) * (256 - fx) + (px[i + pixelStride] & 0xff) * fx;
        int bottom = (px[i + stride] & 0xff) * (256 - fx) + (px[i + stride + pixelStride] & 0xff) * fx;
        return (top * (256 - fy) + bottom * fy) >> 16;
    }

    private static int bilinear(byte[] px, int w, long sx, long sy) {
        return bilinear(px, (int) (sy >> 16) * w + (int) (sx >> 16), 1, w, (int) (sx & 0xffff) >> 8,
                (int) (sy & 0xffff) >> 8);
    }
}
