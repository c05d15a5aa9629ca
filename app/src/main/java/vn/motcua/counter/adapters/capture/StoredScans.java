package vn.motcua.counter.adapters.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import vn.motcua.counter.adapters.images.ImageReaders;
import vn.motcua.counter.adapters.images.ImageResolution;
import vn.motcua.counter.capture.cleanup.RgbImages;

/** Decodes a page image from the content store with its resolution, for the clean-up. */
final class StoredScans {

    record Scan(BufferedImage image, int dpi) {
    }

    private static final double A4_LONG_SIDE_INCHES = 297 / 25.4;
    private static final double A3_LONG_SIDE_INCHES = 420 / 25.4 * 1.05; // with a scanner's bed margin
    private static final int[] USUAL_DPI = {100, 150, 200, 240, 300, 400, 600};

    private StoredScans() {
    }

    /** The page was checked when it was stored (PageImages.inspect refuses bombs and truncated files). */
    static Scan decode(byte[] content) {
        try {
            return ImageReaders.read(content, reader -> {
                int dpi = ImageResolution.dpi(reader);
                BufferedImage image = reader.read(0);
                if (dpi == 0 || Math.max(image.getWidth(), image.getHeight()) > dpi * A3_LONG_SIDE_INCHES) {
                    dpi = a4Dpi(image); // none, or one that makes it bigger than any counter's paper (72 dpi photos)
                }
                return new Scan(switch (image.getType()) {
                    case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR -> image;
                    default -> RgbImages.toIntRgb(image);
                }, dpi);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Files without a resolution (pages stored before the scanner's resolution was written into its PNGs, some
     * imported images): assume the sheet is A4 (the usual paper at a Vietnamese counter) and take the nearest usual
     * scanner resolution.
     */
    static int a4Dpi(BufferedImage image) {
        double estimate = Math.max(image.getWidth(), image.getHeight()) / A4_LONG_SIDE_INCHES;
        int best = USUAL_DPI[0];
        for (int dpi : USUAL_DPI) {
            if (Math.abs(dpi - estimate) < Math.abs(best - estimate)) {
                best = dpi;
            }
        }
        return best;
    }
}
