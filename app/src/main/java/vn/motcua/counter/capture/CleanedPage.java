package vn.motcua.counter.capture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * A scanned page after clean-up.
 *
 * @param copyImage what goes into the electronic copy: 1-bit for {@link PageKind#BILEVEL}, else grey or RGB
 * @param copyDpi its resolution (colour and grey pages are kept at 200 dpi, the legal floor)
 * @param ocrImage what OCR reads, at scan resolution: the 1-bit copy itself for bilevel pages, else grey with
 *                 seal ink lightened
 * @param ocrDpi its resolution
 * @param blankSuspected the clerk should confirm whether to keep this page; it is never dropped by itself
 * @param skewDegrees the measured skew that was undone (clockwise positive)
 * @param quarterTurns clockwise quarter turns applied to make the page upright
 * @param paper the sheet's rectangle on the upright, deskewed scan (the crop), in scan pixels
 * @param millis time spent cleaning up
 */
public record CleanedPage(BufferedImage copyImage, int copyDpi, BufferedImage ocrImage, int ocrDpi, PageKind kind,
                          boolean blankSuspected, double skewDegrees, int quarterTurns, Rectangle paper, long millis) {

    /** Collects what the clean-up measured before the images are made. */
    public record Builder(PageKind kind, double skewDegrees, int quarterTurns, Rectangle paper, long startNanos) {
        public CleanedPage build(BufferedImage copyImage, int copyDpi, BufferedImage ocrImage, int ocrDpi,
                                 boolean blankSuspected) {
            return new CleanedPage(copyImage, copyDpi, ocrImage, ocrDpi, kind, blankSuspected, skewDegrees,
                    quarterTurns, paper, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }
}
