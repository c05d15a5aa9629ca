package vn.motcua.counter.application.stage;

import java.util.function.BooleanSupplier;

/**
 * The work of one stage on one item. The slow part (OCR, writing a PDF, an upload) runs outside any transaction and
 * returns what to save; the runner saves it in the same transaction that marks the item done, so a crash leaves
 * either no trace of the run (an unreferenced content file at most) or the result and DONE together.
 */
public interface StageHandler {

    Stage stage();

    /** How many items of this stage run at once (OCR: one per core; the others one). */
    int concurrency();

    /**
     * Does the work. Returns {@link Result#cancelled()} when {@code cancelled} turned true meanwhile (pause, close):
     * the item goes back to WAITING with no attempt counted.
     *
     * @throws StageFailure for a failure the handler understands; any other exception counts as unexpected
     */
    Result run(WorkItem item, BooleanSupplier cancelled);

    /** What a run produced: the result to save with DONE, or nothing because it was cancelled. */
    record Result(Runnable save) {

        private static final Result CANCELLED = new Result(null);

        public static Result done(Runnable save) {
            return new Result(save);
        }

        public static Result cancelled() {
            return CANCELLED;
        }

        public boolean wasCancelled() {
            return save == null;
        }
    }
}
