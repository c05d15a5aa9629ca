package vn.motcua.scanner;

/**
 * Receives each page as soon as it is complete, on the job's own thread (never the UI thread), and before the
 * driver is asked for the next page. Store the page here: once this method returns the page counts as kept,
 * whatever happens to the rest of the batch.
 */
@FunctionalInterface
public interface ScanListener {

    /** Store the page. Throwing fails the job with {@link ScanError#PAGE_NOT_STORED}. */
    void pageScanned(ScannedPage page) throws Exception;

    /** Called on every state change; the final state arrives after the last page. Must not block. */
    default void stateChanged(ScanJobState state) {
    }
}
