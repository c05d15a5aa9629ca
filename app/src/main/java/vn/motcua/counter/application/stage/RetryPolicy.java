package vn.motcua.counter.application.stage;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often an item whose failure was not understood is taken before it fails, how often a process may die under
 * it, and how long it waits between attempts: exponential back-off with ±20 % jitter (many counters retrying after the same outage do not all come back
 * at once), capped.
 */
public record RetryPolicy(int maxAttempts, int maxInterruptions, Duration firstDelay, Duration maxDelay) {

    /**
     * Three attempts, 5 s then 10 s apart; transient failures go on with the delay capped at 10 minutes. An item the
     * process died under five times is given up (it may be what kills it); a power cut or two must not fail it.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 5, Duration.ofSeconds(5), Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxAttempts < 1 || maxInterruptions < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("bad retry policy");
        }
    }

    /** The wait after the {@code attempts}-th attempt failed. */
    public Duration delayAfter(int attempts) {
        long base = firstDelay.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, maxDelay.toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(capped * jitter));
    }
}
