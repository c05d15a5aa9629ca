package vn.motcua.counter.ui.signing;

import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.signing.SigningDesk;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageProgress;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The signing queue in the status bar: how many copies wait for a signature ("3 bản chờ ký"), signing them with
 * one PIN (asked by the view, handed straight to the desk), progress while they are signed, and stop.
 */
public final class SigningQueueViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SigningQueueViewModel.class);

    private final StageRunner pipeline;
    private final SigningDesk desk;
    private final Messages messages;
    private final UiExecutors executors;
    private final Runnable unsubscribe;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper signing = new ReadOnlyBooleanWrapper(false);

    public SigningQueueViewModel(StageRunner pipeline, SigningDesk desk, Messages messages, UiExecutors executors) {
        this.pipeline = pipeline;
        this.desk = desk;
        this.messages = messages;
        this.executors = executors;
        this.unsubscribe = pipeline.onProgress(Set.of(Stage.SIGN_COPY), this::refresh);
    }

    /** What is to be unlocked, for the PIN dialog. */
    public String pinPrompt() {
        return messages.text("signing.queue.pin", desk.keyName());
    }

    public void refresh() {
        executors.run(pipeline::progress, this::show, this::failed);
    }

    private void show(StageProgress snapshot) {
        StageProgress.Counts c = snapshot.of(Stage.SIGN_COPY);
        boolean open = desk.key().isPresent();
        signing.set(open);
        waiting.set(c.blocked() > 0 && !open);
        if (open && c.toRun() > 0) {
            int total = c.runTotal();
            progress.set(total == 0 ? 1 : (double) c.finishedInRun() / total);
            status.set(messages.text("signing.queue.signing", c.finishedInRun(), total));
        } else if (c.blocked() > 0) {
            status.set(messages.text("signing.queue.waiting", c.blocked()));
        } else if (c.toRun() > 0) {
            status.set(messages.text("signing.queue.extending", c.toRun()));
        } else {
            status.set("");
        }
    }

    /** Unlocks the key with {@code pin} (cleared by the desk) and lets the waiting copies be signed. */
    public void sign(char[] pin) {
        message.set("");
        executors.run(() -> {
            desk.open(pin);
            return null;
        }, ignored -> refresh(), failure -> {
            LOG.warn("signing key not opened: {}", failure.toString());
            message.set(messages.describe(failure));
        });
    }

    /** The clerk stops: the copy being signed finishes, the rest wait again. */
    public void stop() {
        desk.close("stopped by the clerk");
        message.set(messages.text("signing.queue.stopped"));
        refresh();
    }

    private void failed(Throwable failure) {
        LOG.warn("reading the signing queue failed", failure);
        message.set(messages.describe(failure));
    }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** Copies wait for the key and none is open: the "sign now" button is offered. */
    public ReadOnlyBooleanProperty waitingProperty() { return waiting.getReadOnlyProperty(); }
    /** A key is open: progress and stop are shown. */
    public ReadOnlyBooleanProperty signingProperty() { return signing.getReadOnlyProperty(); }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
