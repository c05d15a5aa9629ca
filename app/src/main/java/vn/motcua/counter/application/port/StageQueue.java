package vn.motcua.counter.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageError;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.domain.DossierCode;

/** The durable table of stage work in the counter's SQLite file. Every write is one transaction, or joins one. */
public interface StageQueue {

    /**
     * Enqueues, WAITING, one item of {@code stage} per subject of its kind in the dossier (every page, every component
     * with pages, or the dossier itself). Subjects that already have an item of the stage are left as they are.
     */
    int enqueueDossier(Stage stage, DossierCode code, Instant now);

    /**
     * Takes the oldest WAITING item of the stage that is due and whose earlier stage is finished in its scope, marks it
     * RUNNING and counts the attempt; empty when there is none.
     */
    default Optional<WorkItem> claim(Stage stage, Instant now) {
        return claim(stage, now, stage.after().orElse(null));
    }

    /**
     * {@link #claim(Stage, Instant)} waiting for {@code waitFor} instead of the stage's own earlier stage (the runner
     * passes the nearest earlier stage it runs: a dossier is sent after its copies are made when nothing signs them
     * here); null waits for nothing.
     */
    Optional<WorkItem> claim(Stage stage, Instant now, Stage waitFor);

    /**
     * The dossier changed after its item of {@code stage} was enqueued: WAITING again (enqueued if absent), so the
     * change is taken up; an item BLOCKED stays blocked, one WAITING keeps its next attempt time. Joins the caller's
     * transaction, so it is written with the change. Returns whether an item is now waiting or blocked.
     */
    boolean reopenDossier(Stage stage, DossierCode code, Instant now);

    /** The error of the most recently updated WAITING item of the stage that waits for a later attempt, if any. */
    Optional<StageError> lastError(Stage stage);

    /** WAITING items of the stage that wait for a later attempt are due now (the clerk's "sync now"); how many. */
    int dueNow(Stage stage, Instant now);

    /*
     * The outcomes of a run change the item only while it is still RUNNING: a retry of an earlier stage may have put
     * it back to WAITING meanwhile, and then its run worked on input that is no longer current.
     */

    /** DONE; false when the item was no longer RUNNING (its result must not be kept). */
    boolean markDone(long itemId, Instant now);

    /** Back to WAITING without counting the attempt (the run was cancelled by a pause or by closing). */
    void putBack(long itemId, Instant now);

    /** WAITING again from {@code notBefore}, with the error that made it wait. */
    void retryLater(long itemId, StageError error, Instant notBefore, Instant now);

    void markFailed(long itemId, StageError error, Instant now);

    void markBlocked(long itemId, String waitingFor, StageError error, Instant now);

    /** BLOCKED items waiting for {@code waitingFor} become WAITING; returns how many. */
    int unblock(String waitingFor, Instant now);

    /**
     * At start: items left RUNNING by a crash become WAITING, or FAILED with {@code crashed} once they have been taken
     * {@code maxAttempts} times (an item that kills the process each time must not do so forever). Returns how many.
     */
    int recoverInterrupted(int maxAttempts, StageError crashed, Instant now);

    /**
     * A clerk's retry of FAILED or BLOCKED items, all at once: WAITING again with their attempts reset, and the items of
     * later stages in their scope reopened (also one running now), since their input changes. Returns how many of
     * {@code itemIds} were retried.
     */
    int retry(List<Long> itemIds, Instant now);

    /** {@link #retry} for every FAILED item of the stage; returns how many. */
    int retryFailed(Stage stage, Instant now);

    /** When the next WAITING item of the stage becomes due (its earliest next attempt), if one waits for a time. */
    Optional<Instant> nextDue(Stage stage);

    /** How many items of each stage are in each state (DONE included). */
    Map<Stage, Map<WorkState, Integer>> counts();

    /** Every item of the dossier, by stage then subject. */
    List<WorkItem> itemsOf(DossierCode code);

    /** Items needing attention: FAILED and BLOCKED, oldest first, at most {@code limit}. */
    List<WorkItem> needingAttention(int limit);

    /** The stage's items not DONE (waiting, blocked, failed or running), oldest first, at most {@code limit}. */
    List<WorkItem> unfinished(Stage stage, int limit);

    /**
     * DONE because the work was done another way (a dossier carried to the hub on a drive), unless the item is
     * RUNNING, whose own outcome then decides; joins the caller's transaction. False when it was not changed.
     */
    boolean markDoneElsewhere(long itemId, Instant now);
}
