package vn.motcua.counter.capture.ocr;

import vn.motcua.counter.capture.OcrResult;

/**
 * Callbacks from OCR worker threads (not the UI thread: a view model hops over itself). A page gets exactly one
 * of done or failed, or neither when the job was cancelled before or during it; then it is still pending and
 * can be submitted again later (e.g. after a restart).
 */
public interface OcrListener {

    default void pageProgress(String pageId, int percent) {
    }

    void pageDone(String pageId, OcrResult result);

    default void pageFailed(String pageId, Exception error) {
    }

    /** Called once, after the last page finished or was skipped. */
    default void jobFinished(int pagesDone, int pagesTotal, boolean cancelled) {
    }
}
