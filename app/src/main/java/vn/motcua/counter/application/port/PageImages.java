package vn.motcua.counter.application.port;

/** Checks that bytes offered as a page are an image the application can read and show. */
public interface PageImages {

    record ImageInfo(String mediaType, int width, int height) {
    }

    /**
     * Encodes a scanned image losslessly (PNG) for the content store, with the resolution it was scanned at in the
     * file, so its electronic copy has the paper's size.
     */
    byte[] encode(java.awt.image.BufferedImage image, int dpi);

    /** A small PNG of the page, {@code width} pixels wide, for the checklist. */
    byte[] thumbnail(byte[] content, int width);

    /**
     * The page turned a quarter clockwise, as a lossless PNG of the same pixel type and resolution, so a bilevel or
     * grey scan stays bilevel or grey and keeps its paper size.
     */
    byte[] rotateClockwise(byte[] content);

    /** @throws vn.motcua.counter.application.CounterException with key {@code page.unreadable} or {@code page.empty} */
    ImageInfo inspect(byte[] content);
}
