package vn.motcua.counter.application.stage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.port.Transactions;

/**
 * Runs every stage of the dossier pipeline from the durable stage table: per stage as many worker threads as its
 * handler allows, each taking the oldest due item, running the handler outside any transaction and saving its
 * result together with DONE. Failures are retried with back-off or kept FAILED with their reason until a retry;
 * pause cancels what runs (it goes back to WAITING) and takes nothing new; a crash leaves items RUNNING, which
 * {@link #start()} takes up again. Progress is one {@link StageProgress}, read by the status bar, the dossier screen
 * and the command line alike.
 */
public final class StageRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);
    /** A worker with nothing due looks again after this long even unwoken (another process may have enqueued). */
    private static final Duration IDLE_LOOK = Duration.ofSeconds(30);
    private static final long STOP_WAIT_MS = 20_000;

    private final StageQueue queue;
    private final Transactions transactions;
    private final Map<Stage, StageHandler> handlers = new EnumMap<>(Stage.class);
    private final Clock clock;
    private final RetryPolicy retries;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    /** Guards the fields below; workers wait on it for work, for resume and for a due retry. */
    private final Object monitor = new Object();
    private boolean started;
    private boolean stopping;
    private boolean paused;
    /** Bumped by every wake-up and every finished run: a worker that found nothing at an older value looks again. */
    private long generation;
    private int busy;
    /** Per worker, the generation at which it last found nothing to take (-1: it has not yet). */
    private final Map<Thread, Long> foundNothingAt = new HashMap<>();
    private final StageProgress.Runs runs = new StageProgress.Runs();

    public StageRunner(StageQueue queue, Transactions transactions, List<StageHandler> handlers, Clock clock,
                       RetryPolicy retries) {
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
        this.retries = retries;
        for (StageHandler handler : handlers) {
            if (this.handlers.put(handler.stage(), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + handler.stage());
            }
        }
    }

    /** Whether this runner works on the stage (it has a handler with at least one worker). */
    public boolean runs(Stage stage) {
        StageHandler handler = handlers.get(stage);
        return handler != null && handler.concurrency() > 0;
    }

    /** The nearest earlier stage this runner works on: a stage nothing runs here does not hold later ones back. */
    Stage waitFor(Stage stage) {
        Stage earlier = stage.after().orElse(null);
        while (earlier != null && !runs(earlier)) {
            earlier = earlier.after().orElse(null);
        }
        return earlier;
    }

    /** Items of the stage waiting for a later attempt are due now, and the workers look (the clerk's "sync now"). */
    public int dueNow(Stage stage) {
        int due = queue.dueNow(stage, clock.instant());
        wake();
        return due;
    }

    /** Takes up items a crash left RUNNING and starts the workers. */
    public void start() {
        synchronized (monitor) {
            if (started) {
                return;
            }
            started = true;
        }
        int recovered = queue.recoverInterrupted(retries.maxInterruptions(),
                new StageError("stage.crashed", List.of(), "the process ended while this item ran, "
                        + retries.maxInterruptions() + " times"), clock.instant());
        if (recovered > 0) {
            LOG.info("{} stage items cut by the last stop are taken up again", recovered);
        }
        for (StageHandler handler : handlers.values()) {
            for (int i = 1; i <= handler.concurrency(); i++) {
                Thread worker = Thread.ofPlatform().daemon().name("stage-" + handler.stage().name().toLowerCase()
                        + "-" + i).priority(Thread.MIN_PRIORITY) // the clerk's screen first
                        .unstarted(() -> work(handler));
                synchronized (monitor) {
                    foundNothingAt.put(worker, -1L);
                    workers.add(worker);
                }
                worker.start();
            }
        }
    }

    /** New work may be there (a dossier was received, a token inserted): idle workers look now. */
    public void wake() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
        notifyListeners();
    }

    /** Stops taking items and cancels the ones running (they go back to WAITING) until {@link #resume()}. */
    public void pause() {
        synchronized (monitor) {
            paused = true;
            monitor.notifyAll();
        }
        notifyListeners();
    }

    public void resume() {
        synchronized (monitor) {
            paused = false;
        }
        wake();
    }

    public boolean paused() {
        synchronized (monitor) {
            return paused;
        }
    }

    /**
     * A clerk's retry of failed (or blocked) items, all in one go so that a later stage's item waits for the earlier
     * ones retried with it; returns how many were still failed or blocked.
     */
    public int retry(List<Long> itemIds) {
        int retried = queue.retry(itemIds, clock.instant());
        wake();
        return retried;
    }

    /** Retries every failed item of a stage; returns how many. */
    public int retryFailed(Stage stage) {
        int retried = queue.retryFailed(stage, clock.instant());
        wake();
        return retried;
    }

    /** Items waiting for {@code waitingFor} (a token inserted, the link back) are taken up again. */
    public int unblock(String waitingFor) {
        int unblocked = queue.unblock(waitingFor, clock.instant());
        wake();
        return unblocked;
    }

    /** Items that failed or wait for something outside, oldest first (for {@code doctor} and {@code run}). */
    public List<WorkItem> needingAttention(int limit) {
        return queue.needingAttention(limit);
    }

    /** Counts per stage from the stage table, with what finished since each stage's current run began. */
    public StageProgress progress() {
        Map<Stage, Map<WorkState, Integer>> counts = queue.counts();
        synchronized (monitor) {
            return runs.progress(counts, paused);
        }
    }

    /**
     * Called on a worker thread after each item finishes and at each pause, resume or wake-up. Returns what stops the
     * calls (a screen that goes away must not stay subscribed).
     */
    public Runnable onProgress(Runnable listener) {
        return subscribe(new Listener(EnumSet.allOf(Stage.class), listener));
    }

    /**
     * As {@link #onProgress(Runnable)}, but after finished items only of {@code stages}: a screen that reads only
     * those stages is not refreshed for every page OCR'd.
     */
    public Runnable onProgress(Set<Stage> stages, Runnable listener) {
        return subscribe(new Listener(EnumSet.copyOf(stages), listener));
    }

    private Runnable subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private record Listener(Set<Stage> stages, Runnable call) {
    }

    /**
     * Waits until no item is running and none is due (items waiting for a later retry or for something outside do
     * not count), or until {@code timeout}; true when idle. Starts the runner if needed.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        start();
        wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!idle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    private boolean idle() {
        return busy == 0 && !paused && foundNothingAt.values().stream().allMatch(g -> g == generation);
    }

    private void work(StageHandler handler) {
        Thread self = Thread.currentThread();
        while (true) {
            long seen;
            synchronized (monitor) {
                while (paused && !stopping) {
                    waitQuietly(0);
                }
                if (stopping) {
                    return;
                }
                seen = generation;
            }
            Optional<WorkItem> item;
            try {
                item = queue.claim(handler.stage(), clock.instant(), waitFor(handler.stage()));
            } catch (RuntimeException e) {
                if (isStopping()) {
                    return;
                }
                LOG.warn("taking the next {} item failed", handler.stage(), e);
                item = Optional.empty();
            }
            if (item.isPresent()) {
                synchronized (monitor) {
                    busy++;
                }
                try {
                    run(handler, item.get());
                } finally {
                    synchronized (monitor) {
                        busy--;
                        generation++;
                        monitor.notifyAll();
                    }
                    notifyListeners(handler.stage());
                }
                continue;
            }
            long waitMs = waitForNext(handler.stage());
            synchronized (monitor) {
                if (generation == seen && !stopping) {
                    foundNothingAt.put(self, seen);
                    monitor.notifyAll(); // someone may be waiting for the runner to go idle
                    waitQuietly(waitMs);
                }
            }
        }
    }

    /** Until the stage's next retry is due, at most {@link #IDLE_LOOK}. */
    private long waitForNext(Stage stage) {
        long waitMs = IDLE_LOOK.toMillis();
        try {
            Optional<Instant> due = queue.nextDue(stage);
            if (due.isPresent()) {
                waitMs = Math.clamp(Duration.between(clock.instant(), due.get()).toMillis() + 1, 1, waitMs);
            }
        } catch (RuntimeException e) {
            LOG.debug("reading the next due {} item", stage, e);
        }
        return waitMs;
    }

    private void run(StageHandler handler, WorkItem item) {
        BooleanSupplier cancelled = () -> {
            synchronized (monitor) {
                return stopping || paused;
            }
        };
        try {
            StageHandler.Result result = handler.run(item, cancelled);
            if (result.wasCancelled()) {
                queue.putBack(item.id(), clock.instant());
                return;
            }
            boolean kept = transactions.inOneTransaction(() -> {
                result.save().run();
                if (!queue.markDone(item.id(), clock.instant())) {
                    throw new Superseded();
                }
                return true;
            });
            if (kept) {
                finished(item.stage(), false);
            }
        } catch (Superseded reopened) {
            LOG.info("{} item {} was reopened while it ran; its result is dropped and it runs again", item.stage(),
                    item.id());
        } catch (StageFailure failure) {
            failed(item, failure, failure.kind());
        } catch (RuntimeException e) {
            failed(item, e, null);
        }
    }

    /** Rolls back a result whose item was reopened while it ran (see {@link StageQueue#markDone}). */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
        }
    }

    private void failed(WorkItem item, RuntimeException e, StageFailure.Kind kind) {
        Instant now = clock.instant();
        if (isStopping()) {
            // closing pulls the store and the OCR engine away from a running item: it is not the item's fault
            safely(() -> queue.putBack(item.id(), now));
            return;
        }
        StageError error = error(item.stage(), e);
        if (kind == StageFailure.Kind.BLOCKED) {
            LOG.info("{} item {} waits for {}", item.stage(), item.id(), ((StageFailure) e).waitingFor());
            safely(() -> queue.markBlocked(item.id(), ((StageFailure) e).waitingFor(), error, now));
        } else if (kind == StageFailure.Kind.PERMANENT
                || kind == null && item.attempts() >= retries.maxAttempts()) {
            LOG.warn("{} item {} (dossier {}) failed after {} attempts", item.stage(), item.id(), item.dossierCode(),
                    item.attempts(), e);
            safely(() -> queue.markFailed(item.id(), error, now));
            finished(item.stage(), true);
        } else {
            Instant next = now.plus(retries.delayAfter(item.attempts()));
            LOG.info("{} item {} will be tried again at {}: {}", item.stage(), item.id(), next, error.detail());
            safely(() -> queue.retryLater(item.id(), error, next, now));
        }
    }

    /** The clerk's message from the failure; the detail for IT staff from its root cause. */
    private static StageError error(Stage stage, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getClass().getSimpleName() + ": " + root.getMessage();
        if (e instanceof CounterException known) {
            return new StageError(known.messageKey(),
                    Arrays.stream(known.arguments()).map(String::valueOf).toList(), detail);
        }
        return new StageError("stage." + stage.name() + ".unexpected", List.of(), detail);
    }

    private void finished(Stage stage, boolean failed) {
        synchronized (monitor) {
            runs.finished(stage, failed);
        }
    }

    private void safely(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // the item stays RUNNING in the table and is taken up at the next start
            LOG.warn("recording a stage item's outcome failed", e);
        }
    }

    private boolean isStopping() {
        synchronized (monitor) {
            return stopping;
        }
    }

    private void waitQuietly(long ms) {
        try {
            monitor.wait(ms);
        } catch (InterruptedException e) {
            stopping = true; // only close() interrupts workers
        }
    }

    private void notifyListeners() {
        notifyListeners(null);
    }

    /** {@code finished}: the stage of the item that just finished, null for a pause, resume or wake-up. */
    private void notifyListeners(Stage finished) {
        for (Listener listener : listeners) {
            if (finished != null && !listener.stages().contains(finished)) {
                continue;
            }
            try {
                listener.call().run();
            } catch (RuntimeException e) {
                LOG.warn("stage progress listener failed", e);
            }
        }
    }

    /** Cancels running items (they stay WAITING in the table) and waits for the workers before the store closes. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (monitor) {
            stopping = true;
            monitor.notifyAll();
            running = List.copyOf(workers);
        }
        long deadline = System.currentTimeMillis() + STOP_WAIT_MS;
        for (Thread worker : running) {
            try {
                worker.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (worker.isAlive()) {
                LOG.warn("stage worker {} still running after {} s", worker.getName(), STOP_WAIT_MS / 1000);
            }
        }
    }
}
