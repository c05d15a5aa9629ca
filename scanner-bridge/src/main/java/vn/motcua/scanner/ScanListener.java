package vn.motcua.scanner;

/**
 * Receives each page as soon as it is complete, in order, on the job's own thread (never the UI thread). Store the
 * page here: once this method returns the page counts as kept, whatever happens to the rest of the batch. The
 * driver may already be reading the next page meanwhile; an error is reported only after every page before it
 * was handed over. Make thumbnails elsewhere: time spent here delays the next page's hand-over.
 */
@FunctionalInterface
public interface ScanListener {

    /** Store the page. Throwing fails the job with {@link ScanError#PAGE_NOT_STORED}. */
    void pageScanned(ScannedPage page) throws Exception;

    /** Called on every state change; the final state arrives after the last page. Must not block. */
    default void stateChanged(ScanJobState state) {
    }
}
