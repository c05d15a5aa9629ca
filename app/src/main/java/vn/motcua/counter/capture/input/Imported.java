package vn.motcua.counter.capture.input;

import java.awt.image.BufferedImage;
import java.util.List;

/** What an imported file became: pages to clean up, or a PDF kept byte for byte. */
public sealed interface Imported {

    record Page(BufferedImage image, int dpi) {
    }

    /** Images or a plain PDF, rendered: they go through clean-up, OCR and the PDF/A writer. */
    record Pages(List<Page> pages) implements Imported {
    }

    /**
     * An encrypted or signed PDF, kept exactly as received: re-saving would break a signature, and we cannot
     * (or must not) render it. {@code note} says so for the clerk and the dossier record.
     */
    record PassThrough(byte[] pdf, String note) implements Imported {
    }
}
