package vn.motcua.counter.ui.sync;

import java.time.Clock;
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
import vn.motcua.counter.application.sync.HubChanges;
import vn.motcua.counter.application.sync.Syncing;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.i18n.SyncLogText;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The always-visible sync indicator: off (no hub), online or offline with the number of dossiers waiting and failed,
 * and "Đồng bộ ngay". Offline means the oldest waiting item's last attempt could not reach the hub. Beside it the last
 * pull of the hub's changes ("Cập nhật từ sở: 10:42", or when it failed), or, while the hub has revoked the counter,
 * that it did, that the data is kept and that IT staff must give a new enrolment code.
 */
public final class SyncIndicatorViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncIndicatorViewModel.class);

    private final Syncing syncing;
    private final Messages messages;
    private final UiExecutors executors;
    private final Clock clock;
    private final SyncLogText words;
    private final Runnable unsubscribe;
    private final Runnable unsubscribePulls;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastPull = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastPullProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper revoked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** @param clock the counter's: its zone words the time of the last pull */
    public SyncIndicatorViewModel(Syncing syncing, StageRunner pipeline, Messages messages, UiExecutors executors,
                                  Clock clock) {
        this.syncing = syncing;
        this.messages = messages;
        this.executors = executors;
        this.clock = clock;
        this.words = new SyncLogText(messages, clock.getZone());
        this.unsubscribe = pipeline.onProgress(Set.of(Stage.SEND_DOSSIER), this::refresh);
        this.unsubscribePulls = syncing.onPull(this::refresh);
    }

    public void refresh() {
        executors.run(() -> new Snapshot(syncing.overview(), syncing.enrolled(), offline(),
                syncing.enabled() && syncing.revoked(), syncing.lastPull().orElse(null)), this::show, this::failed);
    }

    private record Snapshot(Syncing.Overview overview, boolean enrolled, boolean offline, boolean revoked,
                            HubChanges.LastPull lastPull) {
    }

    private boolean offline() {
        return syncing.enabled() && syncing.waitingForTheLink();
    }

    private void show(Snapshot s) {
        Syncing.Overview o = s.overview();
        enabled.set(o.enabled());
        online.set(o.enabled() && s.enrolled() && !s.offline() && !s.revoked());
        revoked.set(s.revoked());
        if (!o.enabled()) {
            status.set(messages.text("sync.indicator.off"));
        } else if (!s.enrolled()) {   // nothing can be sent before enrolment, whatever the link
            status.set(messages.text("sync.indicator.not_enrolled", o.waiting()));
        } else if (s.revoked()) {
            status.set(messages.text("sync.indicator.revoked", o.waiting()));
        } else {
            status.set(messages.text(s.offline() ? "sync.indicator.offline" : "sync.indicator.online",
                    o.waiting(), o.failed()));
        }
        showLastPull(o.enabled() && s.enrolled() ? s.lastPull() : null, o.enabled() && s.enrolled());
    }

    private void showLastPull(HubChanges.LastPull pull, boolean shown) {
        if (!shown) {
            lastPull.set("");
            lastPullProblem.set("");
        } else if (pull == null) {
            lastPull.set(messages.text("sync.last_pull_none"));
            lastPullProblem.set("");
        } else {
            String at = words.shortTime(pull.pulled().at(), clock.instant());
            lastPull.set(messages.text(pull.error() == null ? "sync.last_pull" : "sync.last_pull_failed", at));
            lastPullProblem.set(words.pullReason(pull.error()));
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
    /** "Cập nhật từ sở: 10:42", or when it failed; empty with sync off or before enrolment. */
    public ReadOnlyStringProperty lastPullProperty() { return lastPull.getReadOnlyProperty(); }
    /** Why the last pull failed, in words; empty when it did not. */
    public ReadOnlyStringProperty lastPullProblemProperty() { return lastPullProblem.getReadOnlyProperty(); }
    /** The hub revoked this counter: the notice is shown. */
    public ReadOnlyBooleanProperty revokedProperty() { return revoked.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty onlineProperty() { return online.getReadOnlyProperty(); }
    /** A hub is configured: "sync now" is offered. */
    public ReadOnlyBooleanProperty enabledProperty() { return enabled.getReadOnlyProperty(); }
    /** "Sync now" is running. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    @Override
    public void close() {
        unsubscribe.run();
        unsubscribePulls.run();
    }
}
