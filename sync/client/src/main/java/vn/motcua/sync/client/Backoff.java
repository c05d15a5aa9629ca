package vn.motcua.sync.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): the n-th delay
 * is uniform in [0, min(max, base·2ⁿ)]. {@link #reset()} after a success. Not thread-safe; one per loop.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(Duration base, Duration max) {
        this(base, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the ceiling until it reaches {@code max}. */
    public Duration next() {
        long ceiling = ceilingMillis(attempt);
        if (attempt < 62) {
            attempt++;
        }
        return Duration.ofMillis((long) (random.getAsDouble() * (ceiling + 1)));
    }

    /** The next delay, but at least {@code floor} (the hub's Retry-After), and never above max. */
    public Duration next(Duration floor) {
        Duration d = next();
        if (floor != null && d.compareTo(floor) < 0) {
            d = floor.compareTo(max) > 0 ? max : floor;
        }
        return d;
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }

    long ceilingMillis(int n) {
        long b = base.toMillis();
        long m = max.toMillis();
        if (n >= 62 || b > (m >> Math.min(n, 62))) {
            return m;
        }
        return Math.min(m, b << n);
    }
}
