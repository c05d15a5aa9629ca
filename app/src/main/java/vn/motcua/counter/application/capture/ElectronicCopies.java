package vn.motcua.counter.application.capture;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.ElectronicCopy;

/**
 * A dossier's electronic copies and where the work on them stands, from what the capture stages produced and the
 * stage table: one answer for the dossier screen and {@code motcua dossier show}.
 */
public final class ElectronicCopies {

    private final CaptureStore store;
    private final StageQueue stages;

    public ElectronicCopies(CaptureStore store, StageQueue stages) {
        this.store = store;
        this.stages = stages;
    }

    /** A copy with the dossier's stage items that belong to it: its own, and those of its pages. */
    public record CopyWork(ElectronicCopy copy, WorkItem copyItem, List<WorkItem> pageItems) {

        /** Its items that failed or wait for something outside, the copy's own first. */
        public List<WorkItem> needingAttention() {
            return java.util.stream.Stream.concat(Optional.ofNullable(copyItem).stream(), pageItems.stream())
                    .filter(i -> i.state() == WorkState.FAILED || i.state() == WorkState.BLOCKED).toList();
        }
    }

    /** The dossier's stage items, by stage then subject, with their state, attempts and last error. */
    public List<WorkItem> workOf(DossierCode code) {
        return stages.itemsOf(code);
    }

    public List<CopyWork> of(DossierCode code) {
        List<WorkItem> items = stages.itemsOf(code);
        Map<Long, WorkItem> pageItems = bySubject(items, Stage.PAGE_TEXT);
        Map<Long, WorkItem> copyItems = bySubject(items, Stage.ELECTRONIC_COPY);
        return store.componentsOf(code).stream().map(component -> {
            List<WorkItem> pages = component.pageIds().stream().map(pageItems::get)
                    .filter(java.util.Objects::nonNull).toList();
            int read = (int) pages.stream().filter(i -> !i.state().unfinished()).count();
            WorkItem copyItem = copyItems.get(component.componentId());
            ElectronicCopy.State state = copyItem == null ? ElectronicCopy.State.READING_PAGES
                    : switch (copyItem.state()) {
                        case DONE -> ElectronicCopy.State.MADE;
                        case FAILED -> ElectronicCopy.State.FAILED;
                        default -> read < component.pageIds().size() ? ElectronicCopy.State.READING_PAGES
                                : ElectronicCopy.State.BEING_MADE;
                    };
            Optional<CaptureStore.CopyRecord> pdf = component.copy();
            ElectronicCopy copy = new ElectronicCopy(
                    new ElectronicCopy.Component(component.position(), component.name()),
                    component.pageContentIds(), read, state, pdf.map(CaptureStore.CopyRecord::contentId).orElse(null),
                    pdf.map(CaptureStore.CopyRecord::byteSize).orElse(0L),
                    pdf.map(CaptureStore.CopyRecord::pagesWithoutText).orElse(0),
                    pdf.map(CaptureStore.CopyRecord::madeAt).orElse(null));
            return new CopyWork(copy, copyItem, pages);
        }).toList();
    }

    private static Map<Long, WorkItem> bySubject(List<WorkItem> items, Stage stage) {
        return items.stream().filter(i -> i.stage() == stage)
                .collect(Collectors.toMap(WorkItem::subjectId, Function.identity()));
    }
}
