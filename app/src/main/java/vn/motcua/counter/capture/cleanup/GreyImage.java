package vn.motcua.counter.capture.cleanup;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/** An 8-bit grey raster (0 black, 255 white) that the clean-up operations work on without Java2D overhead. */
public record GreyImage(int width, int height, byte[] pixels) {

    public GreyImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixels do not match " + width + "x" + height);
        }
    }

    public static GreyImage blank(int width, int height) {
        byte[] px = new byte[width * height];
        java.util.Arrays.fill(px, (byte) 255);
        return new GreyImage(width, height, px);
    }

    public int get(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** Luminance of an RGB raster (BT.601 weights, integer arithmetic). */
    public static GreyImage luminance(int[] rgb, int width, int height) {
        byte[] px = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            px[i] = (byte) ((((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150 + (p & 0xff) * 29) >> 8);
        }
        return new GreyImage(width, height, px);
    }

    public static GreyImage of(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            if (data.length == image.getWidth() * image.getHeight()) {
                return new GreyImage(image.getWidth(), image.getHeight(), data.clone());
            }
        }
        BufferedImage rgb = RgbImages.toIntRgb(image);
        return luminance(((DataBufferInt) rgb.getRaster().getDataBuffer()).getData(), rgb.getWidth(), rgb.getHeight());
    }

    /** Box-averaged reduction by an integer factor, for fast analysis at 50–100 dpi. */
    public GreyImage reduce(int factor) {
        int w = width / factor;
        int h = height / factor;
        if (factor == 2) {
            return halve(w, h);
        }
        byte[] out = new byte[w * h];
        int[] acc = new int[w];
        int area = factor * factor;
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, 0);
            for (int dy = 0; dy < factor; dy++) {
                int row = (y * factor + dy) * width;
                for (int x = 0; x < w; x++) {
                    int base = row + x * factor;
                    int s = 0;
                    for (int dx = 0; dx < factor; dx++) {
                        s += pixels[base + dx] & 0xff;
                    }
                    acc[x] += s;
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (acc[x] / area);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The 300 → 150 dpi case, run on every page: one straight pass, same result as the general loop. */
    private GreyImage halve(int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            halveRow(pixels, width, 2 * y * width, out, y * w, w);
        }
        return new GreyImage(w, h, out);
    }

    /** One row of the 2× reduction: {@code w} means of 2 × 2 pixels from rows {@code r0} and the one below. */
    static void halveRow(byte[] px, int width, int r0, byte[] out, int o, int w) {
        int r1 = r0 + width;
        for (int x = 0; x < w; x++) {
            int i = 2 * x;
            out[o + x] = (byte) (((px[r0 + i] & 0xff) + (px[r0 + i + 1] & 0xff)
                    + (px[r1 + i] & 0xff) + (px[r1 + i + 1] & 0xff)) >> 2);
        }
    }

    public GreyImage crop(Rectangle r) {
        byte[] out = new byte[r.width * r.height];
        for (int y = 0; y < r.height; y++) {
            System.arraycopy(pixels, (r.y + y) * width + r.x, out, y * r.width, r.width);
        }
        return new GreyImage(r.width, r.height, out);
    }

    /** Turns clockwise by 90° × {@code turns}, losslessly. */
    public GreyImage quarterTurn(int turns) {
        int t = Math.floorMod(turns, 4);
        if (t == 0) {
            return this;
        }
        int w = t == 2 ? width : height;
        int h = t == 2 ? height : width;
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx = t == 1 ? height - 1 - y : t == 2 ? width - 1 - x : y;
                int ny = t == 1 ? x : t == 2 ? height - 1 - y : width - 1 - x;
                out[ny * w + nx] = pixels[y * width + x];
            }
        }
        return new GreyImage(w, h, out);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        return img;
    }
}
