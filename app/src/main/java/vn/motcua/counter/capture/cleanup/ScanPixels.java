package vn.motcua.counter.capture.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.function.IntUnaryOperator;

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

    /** Packed RGB, converted on first use. */
    int[] rgb() {
        if (rgb == null) {
            rgb = RgbImages.pixels(RgbImages.toIntRgb(scan));
        }
        return rgb;
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

    /** RGB reduced by an even {@code factor} from a 2×2 sample of each block (see {@link RgbImages#sampleReduce}). */
    int[] sampleReduce(int factor) {
        IntUnaryOperator at;
        if (grey != null) {
            at = i -> (grey[i] & 0xff) * 0x010101;
        } else if (bgr != null) {
            at = i -> (bgr[3 * i + 2] & 0xff) << 16 | (bgr[3 * i + 1] & 0xff) << 8 | (bgr[3 * i] & 0xff);
        } else {
            int[] packed = rgb;
            at = i -> packed[i];
        }
        return RgbImages.sampleReduce(at, width, height, factor);
    }
}
