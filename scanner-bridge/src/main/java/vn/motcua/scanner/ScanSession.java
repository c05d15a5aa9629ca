package vn.motcua.scanner;

import java.util.Optional;

/**
 * Driver side of one job: a blocking pull of pages. The bridge calls {@link #nextPage()} from one worker thread
 * under the watchdog; {@link #cancel()} may come from any thread at any time.
 */
public interface ScanSession extends AutoCloseable {

    /**
     * Blocks until the next page is complete.
     *
     * @return the page, or empty when the batch is done (feeder empty after at least one page, flatbed page read)
     * @throws ScanException with the typed reason (JAM, COVER_OPEN, CANCELLED after {@link #cancel()}, ...)
     */
    Optional<ScannedPage> nextPage() throws ScanException, InterruptedException;

    /** Ask the device to stop. Must not block for long; the bridge does not wait for it. */
    void cancel();

    /** Release the device. Called once, after the last nextPage, also after failures. */
    @Override
    void close();
}
