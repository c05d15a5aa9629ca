package vn.motcua.counter.capture.input;

/**
 * The most pixels an image handed in from outside may declare before anything decodes it (a decompression bomb: a
 * PNG of a few kilobytes claiming 100000 × 100000 pixels would need 40 GB). Checked from an image file's header,
 * from a PDF page's size, and from each image a PDF page draws ({@link PixelLimitedRenderer}).
 *
 * @param maxPixels width × height allowed; the default fits an A3 page at 600 dpi (7016 × 9921 ≈ 70 MP) with margin
 */
public record PixelLimit(long maxPixels) {

    public static final long DEFAULT_MAX_PIXELS = 80_000_000L;
    public static final PixelLimit DEFAULT = new PixelLimit(DEFAULT_MAX_PIXELS);

    public PixelLimit {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("a pixel limit is positive");
        }
    }

    /** Whether an image of this size may be decoded; a missing or negative side is never allowed. */
    public boolean allows(long width, long height) {
        return width > 0 && height > 0 && width <= maxPixels / height;
    }

    /** @throws Exceeded when {@link #allows} says no */
    public void check(long width, long height) {
        if (!allows(width, height)) {
            throw new Exceeded(width, height, this);
        }
    }

    /** The limit in whole megapixels, for messages. */
    public long megapixels() {
        return Math.max(1, maxPixels / 1_000_000);
    }

    /** An image larger than the limit; unchecked so it passes through a renderer's drawing callbacks. */
    public static final class Exceeded extends RuntimeException {
        private final long width;
        private final long height;

        public Exceeded(long width, long height, PixelLimit limit) {
            super(String.format("image declares %d × %d pixels; the limit is %d MP", width, height,
                    limit.megapixels()));
            this.width = width;
            this.height = height;
        }

        public long width() {
            return width;
        }

        public long height() {
            return height;
        }
    }
}
