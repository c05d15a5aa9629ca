package vn.motcua.counter.adapters.images;

import java.io.IOException;
import org.slf4j.Logger;
import vn.motcua.counter.capture.input.PixelLimit;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.PageImages;

/**
 * Checks page images with the JDK's ImageIO. The header's dimensions are read before any pixels, so an image that
 * claims to be enormous (a decompression bomb) is refused without decoding it, in every operation: inspecting,
 * thumbnails, turning.
 */
public final class ImageIoPageImages implements PageImages {

    private static final Logger LOG = LoggerFactory.getLogger(ImageIoPageImages.class);
    private final PixelLimit limit;

    /** With the default limit (A3 at 600 dpi with margin). */
    public ImageIoPageImages() {
        this(PixelLimit.DEFAULT);
    }

    /** @param limit the most pixels an image may declare before it is decoded ({@code import.max_pixels}) */
    public ImageIoPageImages(PixelLimit limit) {
        this.limit = limit;
    }

    @Override
    public byte[] encode(java.awt.image.BufferedImage image, int dpi) {
        try {
            return ImageResolution.png(image, dpi);
        } catch (IOException e) {
            throw new CounterException("page.unreadable", e);
        }
    }

    @Override
    public byte[] thumbnail(byte[] content, int width) {
        try {
            java.awt.image.BufferedImage page = ImageReaders.read(content, reader -> {
                checkSize(reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            });
            int height = Math.max(1, Math.round((float) page.getHeight() * width / page.getWidth()));
            var small = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = small.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, width, height, null);
            g.dispose();
            return encode(small, 0);
        } catch (IOException e) {
            throw new CounterException("page.unreadable", e);
        }
    }

    @Override
    public byte[] rotateClockwise(byte[] content) {
        try {
            record Scan(java.awt.image.BufferedImage image, int dpi) {
            }
            Scan scan = ImageReaders.read(content, reader -> {
                checkSize(reader.getWidth(0), reader.getHeight(0));
                return new Scan(reader.read(0), ImageResolution.dpi(reader));
            });
            java.awt.image.BufferedImage page = scan.image();
            var from = page.getRaster();
            int width = from.getWidth();
            int height = from.getHeight();
            // A raster of the same sample model keeps packed bilevel and indexed images as they are.
            var to = from.createCompatibleWritableRaster(height, width);
            int[] pixel = null;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    pixel = from.getPixel(x, y, pixel);
                    to.setPixel(height - 1 - y, x, pixel);
                }
            }
            return encode(new java.awt.image.BufferedImage(page.getColorModel(), to,
                    page.isAlphaPremultiplied(), null), scan.dpi());
        } catch (IOException e) {
            throw new CounterException("page.unreadable", e);
        }
    }

    /** Before any pixel is decoded: a header declaring more than the limit is a decompression bomb, not a page. */
    private void checkSize(int width, int height) {
        if (!limit.allows(width, height)) {
            LOG.warn("page image refused before decoding: it declares {} × {} pixels, over the limit of {} MP"
                    + " (import.max_pixels)", width, height, limit.megapixels());
            throw new CounterException("page.too_large", width, height, limit.megapixels());
        }
    }

    @Override
    public ImageInfo inspect(byte[] content) {
        if (content == null || content.length == 0) {
            throw new CounterException("page.empty");
        }
        try {
            return ImageReaders.read(content, reader -> {
                // A truncated JPEG decodes with only a warning; a page with missing rows must be refused.
                reader.addIIOReadWarningListener((source, warning) -> {
                    throw new CounterException("page.unreadable", new IOException(warning));
                });
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(width, height);
                // Decode once: a truncated or corrupt body fails here rather than later in the viewer.
                if (reader.read(0) == null) {
                    throw new CounterException("page.unreadable");
                }
                String mediaType = reader.getOriginatingProvider().getMIMETypes()[0];
                return new ImageInfo(mediaType, width, height);
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof CounterException ce) {
                throw ce;
            }
            LOG.warn("unreadable page image ({} bytes)", content.length, e);
            throw new CounterException("page.unreadable", e);
        }
    }
}
