package vn.motcua.counter.application.capture;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.PageCapture;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageFailure;
import vn.motcua.counter.application.stage.StageHandler;
import vn.motcua.counter.application.stage.WorkItem;

/**
 * {@link Stage#PAGE_TEXT}: cleans up and OCRs one stored scan; its text is indexed for search and its cleaned image
 * kept for the copy (so the copy cleans nothing again). A page whose text cannot be read fails at once: reading it
 * again gives the same answer, and its copy is made without its text.
 */
public final class PageTextStage implements StageHandler {

    private final CaptureStore store;
    private final ContentStore contents;
    private final PageCapture capture;
    private final Clock clock;

    public PageTextStage(CaptureStore store, ContentStore contents, PageCapture capture, Clock clock) {
        this.store = store;
        this.contents = contents;
        this.capture = capture;
        this.clock = clock;
    }

    @Override
    public Stage stage() {
        return Stage.PAGE_TEXT;
    }

    @Override
    public int concurrency() {
        return capture.workers();
    }

    @Override
    public Result run(WorkItem item, BooleanSupplier cancelled) {
        Optional<CaptureStore.PageScan> page = store.page(item.subjectId());
        if (page.isEmpty()) {
            return Result.done(() -> { }); // the page row is gone: nothing to read
        }
        byte[] scan = StoredContent.read(contents, page.get().contentId());
        Optional<PageCapture.ReadPage> read;
        try {
            read = capture.read(scan, cancelled);
        } catch (RuntimeException e) {
            throw StageFailure.permanent("stage.page_text.failed", e);
        }
        if (read.isEmpty()) {
            return Result.cancelled();
        }
        if (read.get().text() == null) {
            throw StageFailure.permanent("stage.page_text.failed", null);
        }
        // the image first, complete or absent; a stop before the row is saved leaves only an unreferenced file, which
        // the content store's clean-up removes
        String image = contents.put(read.get().image().bytes());
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return Result.done(() -> store.saveText(item.subjectId(), read.get().text(), image, read.get().image().dpi(),
                at));
    }
}
