package vn.motcua.counter.capture.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The scan's pixels read where they are: JPEG scans come as 3-byte BGR and grey scans as bytes, and only a colour
 * page needs packed-int RGB. Skipping that 35 MB conversion for bilevel and grey pages saves a full pass per page.
 */
final class ScanPixels {

    private final BufferedImage scan;
    private final int width;
    private final int height;
    /** Interleaved B, G, R bytes, or null. */
    private final byte[] bgr;
    /** One grey byte per pixel, or null. */
    private final byte[] grey;
    private int[] rgb;

    ScanPixels(BufferedImage scan) {
        this.scan = scan;
        this.width = scan.getWidth();
        this.height = scan.getHeight();
        byte[] bytes = scan.getRaster().getDataBuffer() instanceof DataBufferByte b ? b.getData() : null;
        int n = width * height;
        this.bgr = scan.getType() == BufferedImage.TYPE_3BYTE_BGR && bytes != null && bytes.length == 3 * n
                ? bytes : null;
        this.grey = scan.getType() == BufferedImage.TYPE_BYTE_GRAY && bytes != null && bytes.length == n
                ? bytes : null;
        if (bgr == null && grey == null) {
            rgb = RgbImages.pixels(RgbImages.toIntRgb(scan));
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The scan's interleaved B, G, R bytes, or null when it is laid out otherwise. */
    byte[] bgr() {
        return bgr;
    }

    /** Packed RGB, converted on first use. */
    int[] rgb() {
        if (rgb == null) {
            rgb = RgbImages.pixels(RgbImages.toIntRgb(scan));
        }
        return rgb;
    }

    /**
     * Interleaved B, G, R bytes turned upright by {@code turns} clockwise quarter turns: the scan's own for a BGR
     * scan that needs no turning, else made from packed RGB.
     */
    byte[] bgr(int turns) {
        if (turns == 0 && bgr != null) {
            return bgr;
        }
        int[] px = rgb();
        if (turns != 0) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            System.arraycopy(px, 0, RgbImages.pixels(image), 0, px.length);
            px = RgbImages.pixels(RgbImages.quarterTurn(image, turns));
        }
        byte[] out = new byte[3 * px.length];
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            out[j] = (byte) px[i];
            out[j + 1] = (byte) (px[i] >> 8);
            out[j + 2] = (byte) (px[i] >> 16);
        }
        return out;
    }

    /** Luminance (BT.601 weights, integer arithmetic), straight from the scan's own layout. */
    GreyImage luminance() {
        if (grey != null) {
            return new GreyImage(width, height, grey.clone());
        }
        if (bgr == null) {
            return GreyImage.luminance(rgb, width, height);
        }
        byte[] px = new byte[width * height];
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            px[i] = (byte) (((bgr[j + 2] & 0xff) * 77 + (bgr[j + 1] & 0xff) * 150 + (bgr[j] & 0xff) * 29) >> 8);
        }
        return new GreyImage(width, height, px);
    }

    /** The planes every page's analysis starts from. */
    record Analysis(GreyImage luminance, GreyImage fine, int[] colourSample) {
    }

    /**
     * Luminance, its reduction by {@code fineFactor} and the colour sample reduced by twice that (see
     * {@link #sampleReduce}). For a 300 dpi JPEG scan, the usual case, all three come from one pass over the BGR
     * bytes: each pass over a 26 MB scan costs about as much as the arithmetic done on it.
     */
    Analysis analyse(int fineFactor) {
        if (bgr == null || fineFactor != 2) {
            GreyImage lum = luminance();
            return new Analysis(lum, lum.reduce(fineFactor), sampleReduce(2 * fineFactor));
        }
        byte[] lum = new byte[width * height];
        int fw = width / 2;
        byte[] fine = new byte[fw * (height / 2)];
        int cw = width / 4;
        int ch = height / 4;
        int[] sample = new int[cw * ch];
        int[] r = new int[cw];
        int[] g = new int[cw];
        int[] b = new int[cw];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0, j = 3 * row; x < width; x++, j += 3) {
                lum[row + x] = (byte) (((bgr[j + 2] & 0xff) * 77 + (bgr[j + 1] & 0xff) * 150
                        + (bgr[j] & 0xff) * 29) >> 8);
            }
            if ((y & 1) == 0 && y / 4 < ch) {
                // the sample's rows and columns are the even ones at 4 × 4 spacing offsets 0 and 2
                for (int cx = 0, j = 3 * row; cx < cw; cx++, j += 12) {
                    r[cx] += (bgr[j + 2] & 0xff) + (bgr[j + 8] & 0xff);
                    g[cx] += (bgr[j + 1] & 0xff) + (bgr[j + 7] & 0xff);
                    b[cx] += (bgr[j] & 0xff) + (bgr[j + 6] & 0xff);
                }
                if ((y & 3) == 2) {
                    int o = (y / 4) * cw;
                    for (int cx = 0; cx < cw; cx++) {
                        sample[o + cx] = ((r[cx] >> 2) << 16) | ((g[cx] >> 2) << 8) | (b[cx] >> 2);
                    }
                    java.util.Arrays.fill(r, 0);
                    java.util.Arrays.fill(g, 0);
                    java.util.Arrays.fill(b, 0);
                }
            }
            if ((y & 1) == 1) {
                GreyImage.halveRow(lum, width, row - width, fine, (y / 2) * fw, fw);
            }
        }
        return new Analysis(new GreyImage(width, height, lum), new GreyImage(fw, height / 2, fine),
                sample);
    }

    /** RGB reduced by an even {@code factor} from a 2×2 sample of each block (see {@link RgbImages#sampleReduce}). */
    int[] sampleReduce(int factor) {
        RgbImages.SampledRow rows;
        if (grey != null) {
            rows = (y, step, out) -> {
                for (int j = 0, i = y * width; j < out.length; j++, i += step) {
                    out[j] = (grey[i] & 0xff) * 0x010101;
                }
            };
        } else if (bgr != null) {
            rows = (y, step, out) -> {
                for (int j = 0, i = 3 * y * width; j < out.length; j++, i += 3 * step) {
                    out[j] = (bgr[i + 2] & 0xff) << 16 | (bgr[i + 1] & 0xff) << 8 | (bgr[i] & 0xff);
                }
            };
        } else {
            return RgbImages.sampleReduce(rgb, width, height, factor);
        }
        return RgbImages.sampleReduce(rows, width, height, factor);
    }
}
