package vn.motcua.counter.application.port;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Clean-up, OCR and the PDF/A writer, for the background work that completes a dossier's electronic copies. */
public interface PageCapture extends AutoCloseable {

    /** How many pages it reads at once (one per OCR worker). */
    int workers();

    /**
     * Cleans up and reads one stored scan. Empty when {@code cancelled} turned true meanwhile: nothing was read.
     *
     * @throws RuntimeException when the scan cannot be decoded or cleaned up
     */
    Optional<ReadPage> read(byte[] scan, BooleanSupplier cancelled);

    /** One component's pages, in order, as one PDF/A-2u file; a page whose OCR failed has {@code text == null}. */
    byte[] electronicCopy(List<CopyPage> pages, CopyDetails details);

    /**
     * A page read: its text (null when OCR failed on it), its cleaned image as the copy will hold it (so the copy
     * cleans nothing again), and what the clean-up found.
     */
    record ReadPage(PageText text, CopyImage image, Findings findings) {
    }

    /** What the clean-up measured and OCR counted, for the command line's report of each page. */
    record Findings(String kind, double skewDegrees, int quarterTurns, boolean blankSuspected, int words) {
    }

    /** A cleaned page's image in the form {@link #electronicCopy} takes back, at {@code dpi}, of its page kind. */
    record CopyImage(byte[] bytes, int dpi, String kind) {
    }

    /**
     * A page of the copy: its cleaned image when {@link #read} made one, else its scan, which is then cleaned up
     * (read only in that case, hence a supplier).
     */
    record CopyPage(Supplier<byte[]> scan, CopyImage image, PageText text) {
    }

    /** The copy's XMP: title = component name, identifier = dossier code, author = agency. */
    record CopyDetails(String componentName, String dossierCode, String agency, ZonedDateTime created) {
    }

    @Override
    void close();
}
