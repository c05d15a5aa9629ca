package vn.motcua.counter.capture;

import java.awt.image.BufferedImage;

/** Turns one raw scan into a clean, upright, cropped page of the right kind. Stateless and thread-safe. */
public interface PageCleanup {

    CleanedPage clean(BufferedImage scan, int dpi);

    /** Variant used when the clerk overrides the kind (e.g. keeps a faint coloured stamp). */
    CleanedPage clean(BufferedImage scan, int dpi, PageKind forcedKind);
}
