package vn.motcua.counter.application.capture;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.CaptureStore.ComponentPages;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.PageCapture;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageHandler;
import vn.motcua.counter.application.stage.WorkItem;

/**
 * {@link Stage#ELECTRONIC_COPY}: writes one component's PDF/A-2u copy from its read pages (a page whose text could
 * not be read goes in as an image only) and records it. The runner takes it only once no page of the component is
 * left to read. A copy under way is finished even when the runner pauses: it takes a second at most.
 */
public final class ElectronicCopyStage implements StageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ElectronicCopyStage.class);

    private final CaptureStore store;
    private final ContentStore contents;
    private final PageCapture capture;
    private final String agencyName;
    private final Clock clock;

    public ElectronicCopyStage(CaptureStore store, ContentStore contents, PageCapture capture, String agencyName,
                               Clock clock) {
        this.store = store;
        this.contents = contents;
        this.capture = capture;
        this.agencyName = agencyName;
        this.clock = clock;
    }

    @Override
    public Stage stage() {
        return Stage.ELECTRONIC_COPY;
    }

    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public Result run(WorkItem item, BooleanSupplier cancelled) {
        Optional<ComponentPages> found = store.componentPages(item.subjectId());
        if (found.isEmpty() || found.get().pages().isEmpty()) {
            return Result.done(() -> { }); // nothing to copy
        }
        ComponentPages component = found.get();
        List<PageCapture.CopyPage> pages = component.pages().stream()
                .map(p -> new PageCapture.CopyPage(() -> StoredContent.read(contents, p.contentId()),
                        p.copyImageId() == null ? null : new PageCapture.CopyImage(
                                StoredContent.read(contents, p.copyImageId()), p.copyImageDpi(), p.text().kind()),
                        p.text()))
                .toList();
        LocalDateTime madeAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        byte[] pdf = capture.electronicCopy(pages, new PageCapture.CopyDetails(component.componentName(),
                component.dossierCode(), agencyName, ZonedDateTime.of(madeAt, clock.getZone())));
        String id = contents.put(pdf); // complete or absent (content store), then recorded with DONE
        int withoutText = (int) component.pages().stream().filter(p -> p.text() == null).count();
        return Result.done(() -> {
            store.saveCopy(component.componentId(), id, pdf.length, pages.size(), withoutText, madeAt);
            LOG.info("electronic copy of {} / component {}: {} pages, {} bytes", component.dossierCode(),
                    component.position(), pages.size(), pdf.length);
        });
    }
}
