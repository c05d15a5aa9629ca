package vn.motcua.counter.adapters.capture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import vn.motcua.counter.capture.cleanup.RgbImages;

/** Decodes a page image from the content store with its resolution, for the clean-up. */
final class StoredScans {

    record Scan(BufferedImage image, int dpi) {
    }

    private static final double A4_LONG_SIDE_INCHES = 297 / 25.4;
    private static final int[] USUAL_DPI = {100, 150, 200, 240, 300, 400, 600};

    private StoredScans() {
    }

    /** The page was checked when it was stored (PageImages.inspect refuses bombs and truncated files). */
    static Scan decode(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                int dpi = metadataDpi(reader);
                BufferedImage image = reader.read(0);
                if (dpi == 0) {
                    dpi = a4Dpi(image);
                }
                return new Scan(switch (image.getType()) {
                    case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR -> image;
                    default -> RgbImages.toIntRgb(image);
                }, dpi);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int metadataDpi(ImageReader reader) {
        try {
            var root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_1.0");
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() > 0) {
                int dpi = Math.round(25.4f / Float.parseFloat(((IIOMetadataNode) nodes.item(0)).getAttribute("value")));
                return dpi >= 72 && dpi <= 1200 ? dpi : 0;
            }
        } catch (IOException | RuntimeException e) {
            // no usable resolution in the file
        }
        return 0;
    }

    /**
     * Scans stored by the counter (PNG from the scanner bridge) carry no resolution: assume the sheet is A4 (the
     * usual paper at a Vietnamese counter) and take the nearest usual scanner resolution.
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
