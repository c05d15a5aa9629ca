package vn.motcua.counter.ui.sync;

import java.time.Duration;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.counter.application.sync.Syncing;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The always-visible sync indicator: off (no hub), online or offline with the number of dossiers waiting and failed,
 * and "Đồng bộ ngay". Offline means the oldest waiting item's last attempt could not reach the hub.
 */
public final class SyncIndicatorViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncIndicatorViewModel.class);

    private final Syncing syncing;
    private final Messages messages;
    private final UiExecutors executors;
    private final Runnable unsubscribe;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public SyncIndicatorViewModel(Syncing syncing, StageRunner pipeline, Messages messages, UiExecutors executors) {
        this.syncing = syncing;
        this.messages = messages;
        this.executors = executors;
        this.unsubscribe = pipeline.onProgress(Set.of(Stage.SEND_DOSSIER), this::refresh);
    }

    public void refresh() {
        executors.run(() -> new Snapshot(syncing.overview(), syncing.enrolled(), offline()), this::show, this::failed);
    }

    private record Snapshot(Syncing.Overview overview, boolean enrolled, boolean offline) {
    }

    private boolean offline() {
        return syncing.enabled() && syncing.waitingForTheLink();
    }

    private void show(Snapshot s) {
        Syncing.Overview o = s.overview();
        enabled.set(o.enabled());
        online.set(o.enabled() && s.enrolled() && !s.offline());
        if (!o.enabled()) {
            status.set(messages.text("sync.indicator.off"));
        } else if (!s.enrolled()) {   // nothing can be sent before enrolment, whatever the link
            status.set(messages.text("sync.indicator.not_enrolled", o.waiting()));
        } else {
            status.set(messages.text(s.offline() ? "sync.indicator.offline" : "sync.indicator.online",
                    o.waiting(), o.failed()));
        }
    }

    /** "Đồng bộ ngay": everything waiting is tried now; the indicator follows. */
    public void syncNow() {
        busy.set(true);
        executors.run(() -> {
            try {
                return syncing.syncNow(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return syncing.overview();
            }
        }, o -> {
            busy.set(false);
            refresh();
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private void failed(Throwable failure) {
        LOG.warn("reading the sync state failed", failure);
        status.set(messages.describe(failure));
    }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty onlineProperty() { return online.getReadOnlyProperty(); }
    /** A hub is configured: "sync now" is offered. */
    public ReadOnlyBooleanProperty enabledProperty() { return enabled.getReadOnlyProperty(); }
    /** "Sync now" is running. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
