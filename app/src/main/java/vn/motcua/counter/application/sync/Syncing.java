package vn.motcua.counter.application.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.port.SyncRecords;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageError;
import vn.motcua.counter.application.stage.StageProgress;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.access.Permission;

/**
 * What the clerk (the window's indicator and dossier screen) and {@code motcua sync} see of sending to the hub, read
 * from the {@link Stage#SEND_DOSSIER} items and the revisions kept: per dossier a {@link State}, for the counter how
 * many wait and failed, and "sync now".
 */
public final class Syncing {

    /** The reason a revoked counter's sending and pulling are refused with. */
    public static final String REVOKED = "sync.error.revoked";

    /** Where one dossier stands with the hub (ODK/DHIS2's per-record states). */
    public enum State {
        /** No hub configured, or the dossier predates it. */
        OFF,
        /** To be sent (also: waiting for the link, or blocked with the reason). */
        WAITING,
        SENDING,
        SENT,
        /** Given up with a reason; a retry sends it again. */
        FAILED,
        /** Changed after it was sent; the new revision waits. */
        NEEDS_UPDATE
    }

    /**
     * @param reason   why it waits or failed (message key and arguments), or null
     * @param sentBytes bytes sent of {@code totalBytes} while SENDING
     */
    public record DossierSync(State state, StageError reason, Integer sentRevision, Instant sentAt, Long itemId,
                              long sentBytes, long totalBytes) {
    }

    /** The counter's line: sync on or off, how many wait, are blocked or failed. */
    public record Overview(boolean enabled, int waiting, int blocked, int failed) {
    }

    private final StageRunner pipeline;
    private final StageQueue stages;
    private final SyncRecords records;
    private final SendDossierStage sending;   // null: sync off
    private final UsbTransfer carried;        // null: sync off
    private final CurrentClerk clerk;
    private volatile HubChanges changes;      // null: sync off
    private volatile PullHistory pulls = new PullHistory();

    /**
     * @param clerk who is signed in: "sync now", a retry and carrying dossiers on a drive need
     *              {@link Permission#HANDLE}
     */
    public Syncing(StageRunner pipeline, StageQueue stages, SyncRecords records, SendDossierStage sending,
                   UsbTransfer carried, CurrentClerk clerk) {
        this.clerk = Objects.requireNonNull(clerk, "who is signed in");
        this.pipeline = pipeline;
        this.stages = stages;
        this.records = records;
        this.sending = sending;
        this.carried = carried;
    }

    /** The hub's changes, pulled by "sync now" after sending (decision 0803). */
    public void changes(HubChanges value) {
        this.changes = value;
    }

    /** Where "sync now" records its pulls, with those the counter makes on its own (the sync log). */
    public void pulls(PullHistory value) {
        this.pulls = value;
    }

    /** Runs {@code listener} after each pull of the hub's changes; the returned action stops it. */
    public Runnable onPull(Runnable listener) {
        return pulls.onPull(listener);
    }

    /** The last pull of the hub's changes in this process (by "sync now" or on its own), if any. */
    public Optional<HubChanges.LastPull> lastPull() {
        return changes == null ? Optional.empty() : changes.last();
    }

    public boolean enabled() {
        return sending != null;
    }

    /** Whether the counter is enrolled with the hub (false with sync off). */
    public boolean enrolled() {
        return sending != null && sending.enrolled();
    }

    public DossierSync of(DossierCode code) {
        Optional<WorkItem> item = stages.itemsOf(code).stream().filter(i -> i.stage() == Stage.SEND_DOSSIER)
                .findFirst();
        Optional<SyncRecords.Revisions> revisions = records.revisions(code);
        Integer sent = revisions.map(SyncRecords.Revisions::sentRevision).orElse(null);
        Instant sentAt = revisions.map(SyncRecords.Revisions::sentAt).orElse(null);
        if (item.isEmpty() || !enabled() && item.get().state() != WorkState.DONE) {
            return new DossierSync(State.OFF, null, sent, sentAt, null, 0, 0);
        }
        WorkItem i = item.get();
        State state = switch (i.state()) {
            case DONE -> State.SENT;
            case FAILED -> State.FAILED;
            case RUNNING -> State.SENDING;
            case WAITING, BLOCKED -> sent != null ? State.NEEDS_UPDATE : State.WAITING;
        };
        long[] progress = sending == null ? null : sending.progress(code.value()).orElse(null);
        return new DossierSync(state, state == State.SENT ? null : i.error(), sent, sentAt, i.id(),
                progress == null ? 0 : progress[0], progress == null ? 0 : progress[1]);
    }

    public Overview overview() {
        StageProgress.Counts c = pipeline.progress().of(Stage.SEND_DOSSIER);
        return new Overview(enabled(), c.toRun() + c.blocked(), c.blocked(), c.failed());
    }

    /**
     * Whether the link looks down: the oldest dossier waiting was last put back because the hub could not be reached
     * (or the counter is blocked: not enrolled, revoked, wrong certificate).
     */
    public boolean waitingForTheLink() {
        return pipeline.needingAttention(200).stream().anyMatch(i -> i.stage() == Stage.SEND_DOSSIER
                && i.state() == WorkState.BLOCKED)
                || stages.lastError(Stage.SEND_DOSSIER).map(e -> e.messageKey().equals("sync.error.offline"))
                        .orElse(false);
    }

    /**
     * Whether the hub revoked this counter, by the latest word of it: the last pull was refused for that, or sending
     * was, since the last pull that went through (a counter enrolled again pulls fine while its dossiers still wait
     * blocked for "sync now"). Nothing is deleted; IT staff must give the counter a new enrolment code.
     */
    public boolean revoked() {
        Optional<HubChanges.LastPull> last = lastPull();
        if (last.map(p -> p.error() != null && REVOKED.equals(p.error().messageKey())).orElse(false)) {
            return true;
        }
        Instant pulledFine = last.filter(p -> p.error() == null).map(p -> p.pulled().at()).orElse(Instant.MIN);
        return pipeline.needingAttention(200).stream().anyMatch(i -> i.stage() == Stage.SEND_DOSSIER
                && i.state() == WorkState.BLOCKED && i.error() != null && REVOKED.equals(i.error().messageKey())
                && i.updatedAt().isAfter(pulledFine));
    }

    /** Items that failed or wait blocked, oldest first (the sync log's "needs attention"). */
    public List<WorkItem> attention(int limit) {
        return pipeline.needingAttention(limit * 4).stream().filter(i -> i.stage() == Stage.SEND_DOSSIER)
                .limit(limit).toList();
    }

    /** Retries one dossier's failed sending (the dossier screen's retry). */
    public boolean retry(DossierCode code) {
        clerk.require(Permission.HANDLE);
        DossierSync sync = of(code);
        return sync.itemId() != null && pipeline.retry(List.of(sync.itemId())) > 0;
    }

    /** No link for weeks: what waits goes into a package on a drive for the hub ({@link UsbTransfer}). */
    public UsbTransfer.Exported exportPackage(Path folder) {
        clerk.require(Permission.HANDLE);
        return carriedOrOff().export(folder);
    }

    /** The hub's receipt carried back on the drive: marks sent exactly what it accepted. */
    public UsbTransfer.Confirmed importReceipt(Path receiptFile) {
        clerk.require(Permission.HANDLE);
        UsbTransfer.Confirmed confirmed = carriedOrOff().importReceipt(receiptFile);
        pipeline.wake();   // the indicator and the dossier screens follow
        return confirmed;
    }

    /**
     * Pulls the hub's changes now, after sending (when the counter is enrolled); a failure is kept in
     * {@link #lastPull()} (the next pull reads from the same cursor), never thrown.
     */
    private void pullNow() {
        HubChanges pulling = changes;
        if (pulling == null || !pulling.enrolled()) {
            return;
        }
        try {
            pulling.pull();
            pipeline.wake();   // the indicator and the dossier screens follow
        } catch (vn.motcua.counter.application.port.HubLink.HubFailure e) {
            // kept in lastPull() with its reason
        } finally {
            pulls.tookFrom(pulling);
        }
    }

    private UsbTransfer carriedOrOff() {
        if (carried == null) {
            throw new CounterException("sync.off");
        }
        return carried;
    }

    /**
     * "Đồng bộ ngay": blocked and backed-off items are taken now (sending, and downloading the hub's results), and this
     * returns once nothing more can be sent and the results the pull named are downloaded (or at {@code timeout}); the
     * overview then says what is left.
     */
    public Overview syncNow(Duration timeout) throws InterruptedException {
        clerk.require(Permission.HANDLE);
        if (enabled()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            pipeline.unblock(SendDossierStage.WAITING_FOR);
            pipeline.dueNow(Stage.SEND_DOSSIER);
            pipeline.dueNow(Stage.FETCH_RESULT);
            pipeline.awaitIdle(timeout);
            pullNow();
            // the result files the pull named come down before this returns, as far as the time allows
            pipeline.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return overview();
    }
}
