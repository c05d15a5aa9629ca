package vn.motcua.counter.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an account stays locked after wrong passwords: the first {@code freeFailures} cost nothing, then each
 * further failure locks it for {@code firstDelay}, doubled for every failure after that, never longer than
 * {@code longestDelay}. The count starts again after a right password.
 *
 * @param freeFailures failures in a row before the first lock (5)
 * @param firstDelay   the lock after the last free failure (30 s)
 * @param longestDelay the longest lock (15 min)
 */
public record LockoutPolicy(int freeFailures, Duration firstDelay, Duration longestDelay) {

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    public LockoutPolicy {
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || longestDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("lockout: " + freeFailures + ", " + firstDelay + ", " + longestDelay);
        }
    }

    /** The lock that {@code failures} failures in a row cause, the last one made at {@code lastFailure}. */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures;
        Duration delay = firstDelay;
        for (int i = 0; i < doublings && delay.compareTo(longestDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }

    /** Until when the account is locked after {@code failures} failures in a row, the last at {@code lastFailure}. */
    public Optional<Instant> lockedUntil(int failures, Instant lastFailure, Instant now) {
        if (lastFailure == null) {
            return Optional.empty();
        }
        Instant until = lastFailure.plus(delayAfter(failures));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
