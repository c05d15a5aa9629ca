package vn.motcua.scanner;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One completed page, handed over as soon as its last byte arrived.
 *
 * @param pageNumber 1-based within the job, counting both sides in duplex (sheet 3 back is page 6)
 * @param sheetNumber 1-based physical sheet
 * @param image a standard-typed image (RGB, byte grey or byte binary), never TYPE_CUSTOM
 */
public record ScannedPage(BufferedImage image, int pageNumber, int sheetNumber, Side side, int dpi,
                          ColorMode colorMode) {

    public ScannedPage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(colorMode, "colorMode");
        if (pageNumber < 1 || sheetNumber < 1 || dpi < 1) {
            throw new IllegalArgumentException("page " + pageNumber + ", sheet " + sheetNumber + ", dpi " + dpi);
        }
    }

    /**
     * A page of a batch scanned with these settings: sheet and side follow from the source, the image is
     * converted to the standard type of the colour mode.
     */
    public static ScannedPage inBatch(BufferedImage image, int pageNumber, ScanSettings settings) {
        return new ScannedPage(PageImages.toStandard(image, settings.colorMode()), pageNumber,
                settings.source().sheetOf(pageNumber), settings.source().sideOf(pageNumber), settings.dpi(),
                settings.colorMode());
    }

    public int widthPixels() {
        return image.getWidth();
    }

    public int heightPixels() {
        return image.getHeight();
    }
}
