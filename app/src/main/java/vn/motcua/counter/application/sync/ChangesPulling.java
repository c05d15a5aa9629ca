package vn.motcua.counter.application.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.HubLink;

/**
 * When the counter pulls the hub's changes on its own (decision 0803): soon after each dossier the hub accepted (the
 * link is up then; pulls asked for meanwhile fold into one), once enrolled at start, and every {@code interval}
 * (setting {@code sync.pull_seconds}) so that a counter with nothing to send still sees the department's work. One
 * daemon thread; a failed pull (no link, hub busy) is logged and the next one reads from the same cursor.
 */
public final class ChangesPulling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangesPulling.class);
    /** How long after a delivery the pull runs: a backlog being sent asks for one pull, not one per dossier. */
    static final Duration AFTER_SENDING = Duration.ofSeconds(2);

    private final HubChanges changes;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean asked = new AtomicBoolean();
    private final Runnable afterApplied;
    private volatile PullHistory history = new PullHistory();

    /**
     * @param interval     between pulls when nothing else asks for one; zero: only after sending and "sync now"
     * @param afterApplied run after a pull that changed something (the window's lists and indicator follow)
     */
    public ChangesPulling(HubChanges changes, Duration interval, Runnable afterApplied) {
        this.changes = changes;
        this.afterApplied = afterApplied;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("hub-changes").unstarted(r));
        if (!interval.isZero() && !interval.isNegative()) {
            timer.scheduleWithFixedDelay(this::pullQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Where each pull, done or failed, is recorded (the sync log, the indicator's last pull). */
    public void history(PullHistory value) {
        this.history = value;
    }

    /** Asks for a pull shortly (after a delivery, after enrolment); asks meanwhile fold into it. */
    public void soon() {
        if (timer.isShutdown() || !asked.compareAndSet(false, true)) {
            return;
        }
        try {
            timer.schedule(() -> {
                asked.set(false);
                pullQuietly();
            }, AFTER_SENDING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            asked.set(false);   // closing
        }
    }

    private void pullQuietly() {
        if (!changes.enrolled()) {
            return;
        }
        try {
            HubChanges.Pulled pulled = changes.pull();
            if (pulled.applied() + pulled.refused() + pulled.unknown() > 0) {
                afterApplied.run();
            }
        } catch (HubLink.HubFailure e) {
            LOG.info("pulling the hub's changes failed ({}); the next pull goes on from the same cursor", e.code());
        } catch (RuntimeException e) {
            LOG.warn("pulling the hub's changes failed; the next pull goes on from the same cursor", e);
        } finally {
            history.tookFrom(changes);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("a pull of the hub's changes did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
