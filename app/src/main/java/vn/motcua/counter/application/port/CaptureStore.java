package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.DossierCode;

/**
 * What the capture stages read and produce, kept with the dossiers: each page's text and cleaned image, each
 * component's electronic copy. Where the work stands is the stage table's business ({@link StageQueue}).
 */
public interface CaptureStore {

    /** A stored scan to read, by its page row. */
    record PageScan(long pageId, long componentId, String contentId) {
    }

    /**
     * A page as it goes into the copy; {@code text} is null when it was not read (its OCR failed),
     * {@code copyImageId} (the cleaned image in the content store, at {@code copyImageDpi}) is null when it was read
     * before V7 or not read.
     */
    record StoredPage(long pageId, String contentId, PageText text, String copyImageId, int copyImageDpi) {
    }

    record ComponentPages(long componentId, int position, String componentName, String dossierCode,
                          List<StoredPage> pages) {
    }

    /** A component's copy as recorded; {@code contentId} is null while none was written. */
    record CopyRecord(String contentId, long byteSize, int pagesWithoutText, LocalDateTime madeAt) {
    }

    Optional<PageScan> page(long pageId);

    /**
     * Keeps the page's text, word boxes and cleaned image (already in the content store) and indexes the text for
     * search, in one transaction (or the caller's).
     */
    void saveText(long pageId, PageText text, String copyImageId, int copyImageDpi, LocalDateTime at);

    /** The component's pages, in order, with what is known of each. */
    Optional<ComponentPages> componentPages(long componentId);

    /** Records the component's copy, replacing an earlier one (made again after a page was read again). */
    void saveCopy(long componentId, String contentId, long byteSize, int pageCount, int pagesWithoutText,
                  LocalDateTime madeAt);

    /** The dossier's components that have pages, by position, with their copy if one was written. */
    List<ComponentCopy> componentsOf(DossierCode code);

    /** A component's pages by row id and content id, in order, and its recorded copy. */
    record ComponentCopy(long componentId, int position, String name, List<Long> pageIds,
                         List<String> pageContentIds, Optional<CopyRecord> copy) {
    }
}
