package vn.motcua.counter.application.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The recent pulls of the hub's changes in this process, newest first, for the sync log and the indicator's "Cập nhật
 * từ sở". Kept in memory only (the applied changes themselves are kept in {@code hub_changes}); a run of pulls that
 * found nothing, or that failed for the same reason, is one entry, the latest, so the timer's pulls every
 * {@code sync.pull_seconds} through a quiet day or a day without a link do not push out the pulls that did something.
 */
public final class PullHistory {

    private static final int KEPT = 50;

    private final Deque<HubChanges.LastPull> pulls = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Records what {@code changes} says of its last pull, if it pulled; the listeners follow. */
    public void tookFrom(HubChanges changes) {
        changes.last().ifPresent(this::add);
    }

    void add(HubChanges.LastPull pull) {
        synchronized (pulls) {
            if (pull == pulls.peekFirst()) {
                return;   // the same pull told twice
            }
            if (!pulls.isEmpty() && same(pull, pulls.peekFirst())) {
                pulls.removeFirst();
            }
            pulls.addFirst(pull);
            while (pulls.size() > KEPT) {
                pulls.removeLast();
            }
        }
        listeners.forEach(Runnable::run);
    }

    /** Both found nothing, or both failed for the same reason. */
    private static boolean same(HubChanges.LastPull a, HubChanges.LastPull b) {
        return took(a) == 0 && took(b) == 0 && java.util.Objects.equals(reason(a), reason(b));
    }

    private static String reason(HubChanges.LastPull pull) {
        return pull.error() == null ? null : pull.error().messageKey();
    }

    private static int took(HubChanges.LastPull pull) {
        HubChanges.Pulled p = pull.pulled();
        return p.applied() + p.refused() + p.unknown();
    }

    /** Newest first. */
    public List<HubChanges.LastPull> recent() {
        synchronized (pulls) {
            return List.copyOf(pulls);
        }
    }

    /** Runs {@code listener} after each pull (on the pulling thread); the returned action stops it. */
    public Runnable onPull(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
