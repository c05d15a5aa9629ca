package vn.motcua.counter.application.stage;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the pipeline stands, per stage: items waiting, running, blocked and failed in the stage table, and what
 * finished since the stage's current run began (a run starts when items arrive after none were left), so the status
 * bar can say "12/40 trang" of the dossiers just received rather than of every page the counter ever read.
 */
public record StageProgress(Map<Stage, Counts> stages, boolean paused) {

    public StageProgress {
        stages = Map.copyOf(stages);
    }

    /**
     * @param finishedInRun items done or failed since the run began
     * @param failedInRun   of those, the failed ones
     */
    public record Counts(int waiting, int running, int blocked, int failed, int finishedInRun, int failedInRun) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        /** Items still to run now (blocked ones wait for something outside and are not counted). */
        public int toRun() {
            return waiting + running;
        }

        /** The size of the current run: what finished in it and what is still to run. */
        public int runTotal() {
            return finishedInRun + toRun();
        }
    }

    public Counts of(Stage stage) {
        return stages.getOrDefault(stage, Counts.NONE);
    }

    /** Nothing to run in any stage (failed and blocked items may remain). */
    public boolean idle() {
        return stages.values().stream().allMatch(c -> c.toRun() == 0);
    }

    /** The runner's memory of the current runs; guarded by the runner. */
    static final class Runs {

        private final Map<Stage, int[]> finished = new EnumMap<>(Stage.class);

        void finished(Stage stage, boolean failed) {
            int[] run = finished.computeIfAbsent(stage, s -> new int[2]);
            run[0]++;
            if (failed) {
                run[1]++;
            }
        }

        StageProgress progress(Map<Stage, Map<WorkState, Integer>> counts, boolean paused) {
            Map<Stage, Counts> stages = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                Map<WorkState, Integer> c = counts.getOrDefault(stage, Map.of());
                int waiting = c.getOrDefault(WorkState.WAITING, 0);
                int running = c.getOrDefault(WorkState.RUNNING, 0);
                if (waiting + running == 0) {
                    finished.remove(stage); // the run is over; the next items start a new one
                }
                int[] run = finished.getOrDefault(stage, new int[2]);
                stages.put(stage, new Counts(waiting, running, c.getOrDefault(WorkState.BLOCKED, 0),
                        c.getOrDefault(WorkState.FAILED, 0), run[0], run[1]));
            }
            return new StageProgress(stages, paused);
        }
    }
}
