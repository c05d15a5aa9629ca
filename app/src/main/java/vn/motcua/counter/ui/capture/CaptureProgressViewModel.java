package vn.motcua.counter.ui.capture;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageProgress;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The pipeline's capture stages as the window's status bar shows them: "Đang nhận dạng chữ: 12/40 trang", then the
 * copies still to write, then done; pause and resume. The counts of the current run come from the stage runner's one
 * {@link StageProgress}, which {@code motcua run} prints too.
 */
public final class CaptureProgressViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureProgressViewModel.class);

    private final StageRunner pipeline;
    private final Messages messages;
    private final UiExecutors executors;
    private final Runnable unsubscribe;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);

    public CaptureProgressViewModel(StageRunner pipeline, Messages messages, UiExecutors executors) {
        this.pipeline = pipeline;
        this.messages = messages;
        this.executors = executors;
        this.unsubscribe = pipeline.onProgress(this::refresh);
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
                pipeline.resume();
            } else {
                pipeline.pause();
            }
            return null;
        }, ignored -> { }, this::failed);
    }

    /** Reads the progress again; also called by the runner after every item. */
    public void refresh() {
        executors.run(pipeline::progress, this::show, this::failed);
    }

    private void show(StageProgress snapshot) {
        StageProgress.Counts pages = snapshot.of(Stage.PAGE_TEXT);
        StageProgress.Counts copies = snapshot.of(Stage.ELECTRONIC_COPY);
        paused.set(snapshot.paused());
        boolean busy = pages.toRun() > 0 || copies.toRun() > 0;
        working.set(busy);
        if (!busy) {
            progress.set(1);
            status.set(copies.failed() > 0 ? messages.text("capture.status.copiesFailed", copies.failed())
                    : messages.text("capture.status.done"));
            return;
        }
        int total = pages.runTotal();
        progress.set(total == 0 ? 1 : (double) pages.finishedInRun() / total);
        String text = pages.toRun() > 0
                ? messages.text(snapshot.paused() ? "capture.status.paused" : "capture.status.reading",
                        pages.finishedInRun(), total)
                : messages.text("capture.status.copies", copies.toRun());
        status.set(pages.failedInRun() > 0 ? text + " " + messages.text("capture.status.failed", pages.failedInRun())
                : text);
    }

    private void failed(Throwable failure) {
        LOG.warn("reading the pipeline's progress failed", failure);
        status.set(messages.describe(failure));
    }

    /** Stops listening to the runner (the window's language changed or it closes). */
    @Override
    public void close() {
        unsubscribe.run();
    }
}
