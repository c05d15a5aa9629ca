package vn.motcua.counter.ui.capture;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.ElectronicCopyService;
import vn.motcua.counter.application.port.CaptureStore.CaptureCounts;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The background OCR and electronic-copy work as the window's status bar shows it: "Đang nhận dạng chữ: 12/40 trang",
 * then the copies still to write, then done; pause and resume. A run counts from the moment pages became pending
 * after none were, so the clerk sees the pages of the dossiers just received, not every page the counter ever read.
 */
public final class CaptureProgressViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureProgressViewModel.class);

    private final ElectronicCopyService copies;
    private final Messages messages;
    private final UiExecutors executors;
    private final Runnable unsubscribe;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    /** Pages read (done or unreadable) before the current run began; -1 when no run is under way. */
    private int readBeforeRun = -1;
    private int failedBeforeRun;

    public CaptureProgressViewModel(ElectronicCopyService copies, Messages messages, UiExecutors executors) {
        this.copies = copies;
        this.messages = messages;
        this.executors = executors;
        this.unsubscribe = copies.onProgress(this::refresh);
    }

    /** What the work is doing, in the clerk's language. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0…1 over the current run's pages; 1 when nothing is left to do. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while pages are waiting or copies are still to be written. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Pauses when running, resumes when paused. */
    public void togglePause() {
        boolean resume = paused.get();
        executors.run(() -> {
            if (resume) {
                copies.resume();
            } else {
                copies.pause();
            }
            return null;
        }, ignored -> { }, this::failed);
    }

    /** Reads the counts again; also called by the service after every page and copy. */
    public void refresh() {
        executors.run(() -> new Snapshot(copies.progress(), copies.paused()), this::show, this::failed);
    }

    private record Snapshot(CaptureCounts counts, boolean paused) {
    }

    private void show(Snapshot snapshot) {
        CaptureCounts counts = snapshot.counts();
        int read = counts.pagesDone() + counts.pagesFailed();
        if (counts.pagesPending() == 0 && counts.copiesPending() == 0) {
            readBeforeRun = -1;
        } else if (readBeforeRun < 0) {
            readBeforeRun = read;
            failedBeforeRun = counts.pagesFailed();
        }
        paused.set(snapshot.paused());
        working.set(readBeforeRun >= 0);
        if (readBeforeRun < 0) {
            progress.set(1);
            status.set(counts.copiesFailed() > 0 ? messages.text("capture.status.copiesFailed", counts.copiesFailed())
                    : messages.text("capture.status.done"));
            return;
        }
        int readInRun = read - readBeforeRun;
        int total = readInRun + counts.pagesPending();
        progress.set(total == 0 ? 1 : (double) readInRun / total);
        String text = counts.pagesPending() > 0
                ? messages.text(snapshot.paused() ? "capture.status.paused" : "capture.status.reading", readInRun, total)
                : messages.text("capture.status.copies", counts.copiesPending());
        int failedInRun = counts.pagesFailed() - failedBeforeRun;
        status.set(failedInRun > 0 ? text + " " + messages.text("capture.status.failed", failedInRun) : text);
    }

    private void failed(Throwable failure) {
        LOG.warn("reading the OCR progress failed", failure);
        status.set(messages.describe(failure));
    }

    /** Stops listening to the service (the window's language changed or it closes). */
    @Override
    public void close() {
        unsubscribe.run();
    }
}
