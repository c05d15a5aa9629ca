package vn.motcua.counter.domain;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The electronic copy (bản điện tử) of one component of a dossier: a PDF/A file made from the component's scanned
 * pages, searchable where their text could be read. It is the legal document of Decree 107/2021 Art. 21a that the
 * agency signs and sends on, so it has a state of its own beside the dossier's.
 *
 * @param component        the component it copies, by its position in the dossier and its name
 * @param pageContentIds   the scans it is made from, in order (content ids)
 * @param pagesRead        how many of those pages are read (their text found, or found unreadable)
 * @param pdfContentId     the PDF/A in the content store; null until it is made (a copy being made again after a
 *                         page was read again keeps its earlier PDF until the new one replaces it)
 * @param byteSize         the PDF's size; 0 until made
 * @param pagesWithoutText pages that are in the copy as images only, their text unreadable
 * @param madeAt           when the PDF was written; null until made
 */
public record ElectronicCopy(Component component, List<String> pageContentIds, int pagesRead, State state,
                             String pdfContentId, long byteSize, int pagesWithoutText, LocalDateTime madeAt) {

    /** The dossier component a copy belongs to. */
    public record Component(int position, String name) {
    }

    public enum State {
        /** Its pages are still being cleaned up and OCR'd. */
        READING_PAGES,
        /** Every page is read; the PDF is about to be written. */
        BEING_MADE,
        MADE,
        /** It could not be made; the stage's error says why, and a retry tries again. */
        FAILED
    }

    public ElectronicCopy {
        pageContentIds = List.copyOf(pageContentIds);
    }

    public int pageCount() {
        return pageContentIds.size();
    }
}
