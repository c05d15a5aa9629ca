package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.DossierCode;

/** OCR state per page and electronic copies per component, kept with the dossiers. */
public interface CaptureStore {

    record PendingPage(long pageId, long componentId, String contentId) {
    }

    /**
     * A page as it goes into the copy; {@code text} is null when its OCR failed, {@code copyImageId} (the cleaned
     * image in the content store, at {@code copyImageDpi}) is null when it was read before V7 or its OCR failed.
     */
    record StoredPage(String contentId, PageText text, String copyImageId, int copyImageDpi) {
    }

    record ComponentPages(long componentId, String componentName, String dossierCode, List<StoredPage> pages) {
    }

    /**
     * @param copiesPending components with pages and no copy yet, except those whose copy failed
     * @param copiesFailed  components whose copy could not be written (tried again when the copy service starts)
     */
    record CaptureCounts(int pagesPending, int pagesDone, int pagesFailed, int copiesPending, int copiesFailed) {

        /** With no failed copy. */
        public CaptureCounts(int pagesPending, int pagesDone, int pagesFailed, int copiesPending) {
            this(pagesPending, pagesDone, pagesFailed, copiesPending, 0);
        }
    }

    record ElectronicCopy(int componentPosition, String componentName, String contentId, LocalDateTime madeAt) {
    }

    /**
     * Where one component of a dossier stands: pages read (done or unreadable) of its pages, and its copy: made, or
     * failed to be written.
     */
    record ComponentCopyState(int componentPosition, String componentName, int pages, int pagesRead,
                              boolean copyMade, boolean copyFailed) {
    }

    /** Every page still to be read, oldest dossier first. */
    List<PendingPage> pendingPages();

    /**
     * Marks the page DONE with its text, word boxes and cleaned image (already in the content store) and indexes the
     * text for search, in one transaction.
     */
    void saveText(long pageId, PageText text, String copyImageId, int copyImageDpi, LocalDateTime at);

    void saveFailure(long pageId, String reason, LocalDateTime at);

    /** Components with pages, none of them pending, and no copy yet. */
    List<Long> componentsAwaitingCopy();

    /** The component's pages for its copy; empty while a page is pending or once the copy exists. */
    Optional<ComponentPages> readyForCopy(long componentId);

    /** Records why the component's copy could not be written; it no longer counts as being made. */
    void saveCopyFailure(long componentId, String reason, LocalDateTime at);

    /** Forgets every recorded copy failure, so those copies count as to be made again (the service retries them). */
    void clearCopyFailures();

    /** Records the copy (and clears a failure recorded before); a second record for the same component is ignored. */
    void saveCopy(long componentId, String contentId, long byteSize, int pageCount, int pagesFailed,
                  LocalDateTime madeAt);

    /** The dossier's electronic copies, by component position. */
    List<ElectronicCopy> copies(DossierCode code);

    /** The dossier's components that have pages, by position, with their OCR and copy state. */
    List<ComponentCopyState> copyStates(DossierCode code);

    CaptureCounts counts();
}
