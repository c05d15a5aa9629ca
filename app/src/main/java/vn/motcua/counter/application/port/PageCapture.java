package vn.motcua.counter.application.port;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Clean-up, OCR and the PDF/A writer, for the background work that completes a dossier's electronic copies. */
public interface PageCapture extends AutoCloseable {

    /** How many pages it reads at once (one per OCR worker). */
    int workers();

    /**
     * Cleans up and reads one stored scan. Empty when {@code cancelled} turned true meanwhile: nothing was read.
     *
     * @throws RuntimeException when the page cannot be read (it is then marked failed, never retried)
     */
    Optional<PageText> read(byte[] scan, BooleanSupplier cancelled);

    /** One component's pages, in order, as one PDF/A-2u file; a page whose OCR failed has {@code text == null}. */
    byte[] electronicCopy(List<CopyPage> pages, CopyDetails details);

    record CopyPage(byte[] scan, PageText text) {
    }

    /** The copy's XMP: title = component name, identifier = dossier code, author = agency. */
    record CopyDetails(String componentName, String dossierCode, String agency, ZonedDateTime created) {
    }

    @Override
    void close();
}
