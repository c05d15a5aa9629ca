package vn.motcua.counter.capture.cleanup;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Helpers for packed-int RGB images, the one colour layout the clean-up works on. */
public final class RgbImages {

    private RgbImages() {
    }

    public static BufferedImage toIntRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte bytes
                && bytes.getData().length == image.getWidth() * image.getHeight() * 3) {
            // what ImageIO returns for JPEG scans: a plain loop is several times faster than Java2D's drawImage
            byte[] bgr = bytes.getData();
            BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            int[] px = pixels(out);
            for (int i = 0, j = 0; i < px.length; i++, j += 3) {
                px[i] = ((bgr[j + 2] & 0xff) << 16) | ((bgr[j + 1] & 0xff) << 8) | (bgr[j] & 0xff);
            }
            return out;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    public static int[] pixels(BufferedImage intRgb) {
        return ((DataBufferInt) intRgb.getRaster().getDataBuffer()).getData();
    }

    public static BufferedImage crop(BufferedImage intRgb, Rectangle r) {
        BufferedImage out = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
        int[] src = pixels(intRgb);
        int[] dst = pixels(out);
        for (int y = 0; y < r.height; y++) {
            System.arraycopy(src, (r.y + y) * intRgb.getWidth() + r.x, dst, y * r.width, r.width);
        }
        return out;
    }

    public static BufferedImage quarterTurn(BufferedImage intRgb, int turns) {
        int t = Math.floorMod(turns, 4);
        if (t == 0) {
            return intRgb;
        }
        int w = intRgb.getWidth();
        int h = intRgb.getHeight();
        BufferedImage out = new BufferedImage(t == 2 ? w : h, t == 2 ? h : w, BufferedImage.TYPE_INT_RGB);
        int[] src = pixels(intRgb);
        int[] dst = pixels(out);
        int ow = out.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int nx = t == 1 ? h - 1 - y : t == 2 ? w - 1 - x : y;
                int ny = t == 1 ? x : t == 2 ? h - 1 - y : w - 1 - x;
                dst[ny * ow + nx] = src[y * w + x];
            }
        }
        return out;
    }

    /** Resamples to {@code toDpi} (bilinear); the copy keeps 200 dpi, the Decree 30/2020 floor, for colour pages. */
    public static BufferedImage resample(BufferedImage image, int fromDpi, int toDpi) {
        if (toDpi >= fromDpi) {
            return image;
        }
        int w = Math.round(image.getWidth() * (float) toDpi / fromDpi);
        int h = Math.round(image.getHeight() * (float) toDpi / fromDpi);
        BufferedImage out = new BufferedImage(w, h, image.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Reduction by an integer factor averaging a 2×2 sample of each block: enough to smooth sensor noise. */
    public static int[] sampleReduce(int[] rgb, int width, int height, int factor) {
        if (factor < 4) {
            return reduce(rgb, width, height, factor);
        }
        return sampleReduce((y, step, out) -> {
            for (int j = 0, i = y * width; j < out.length; j++, i += step) {
                out[j] = rgb[i];
            }
        }, width, height, factor);
    }

    /** Reads packed RGB of pixels 0, step, 2·step, … of row y into {@code out}, whatever the pixel layout. */
    interface SampledRow {
        void read(int y, int step, int[] out);
    }

    /**
     * The same over any pixel layout, read a row at a time; {@code factor} must be even (the 2×2 sample is then
     * evenly spaced).
     */
    static int[] sampleReduce(SampledRow rows, int width, int height, int factor) {
        if (factor < 2 || factor % 2 != 0) {
            throw new IllegalArgumentException("sampled reduction needs an even factor, not " + factor);
        }
        int w = width / factor;
        int h = height / factor;
        int[] out = new int[w * h];
        int step = factor / 2;
        int[] row = new int[2 * w];
        int[] r = new int[w];
        int[] g = new int[w];
        int[] b = new int[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(r, 0);
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(b, 0);
            for (int dy = 0; dy < factor; dy += step) {
                rows.read(y * factor + dy, step, row);
                for (int j = 0; j < row.length; j++) {
                    int p = row[j];
                    r[j >> 1] += (p >> 16) & 0xff;
                    g[j >> 1] += (p >> 8) & 0xff;
                    b[j >> 1] += p & 0xff;
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = ((r[x] >> 2) << 16) | ((g[x] >> 2) << 8) | (b[x] >> 2);
            }
        }
        return out;
    }

    /** Box-averaged reduction of a packed RGB raster by an integer factor. */
    public static int[] reduce(int[] rgb, int width, int height, int factor) {
        int w = width / factor;
        int h = height / factor;
        int[] out = new int[w * h];
        int area = factor * factor;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int row = (y * factor + dy) * width + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        int p = rgb[row + dx];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                }
                out[y * w + x] = ((r / area) << 16) | ((g / area) << 8) | (b / area);
            }
        }
        return out;
    }
}
