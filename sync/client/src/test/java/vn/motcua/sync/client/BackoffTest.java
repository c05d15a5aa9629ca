package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theCeilingDoublesUpToTheMaximumAndJitterStaysBelowIt() {
        Backoff top = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.999999);
        long[] seen = new long[12];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = top.next().toMillis();
        }
        assertThat(seen[0]).isBetween(990L, 1000L);
        assertThat(seen[1]).isBetween(1990L, 2000L);
        assertThat(seen[4]).isBetween(15990L, 16000L);
        assertThat(seen[11]).isBetween(299_000L, 300_000L);
        Backoff bottom = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0);
        assertThat(bottom.next()).isZero();
        // many attempts never overflow
        for (int i = 0; i < 200; i++) {
            assertThat(top.next()).isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
        top.reset();
        assertThat(top.next().toMillis()).isLessThanOrEqualTo(1000L);
    }

    @Test
    void aRetryAfterIsAFloorButNeverAboveTheMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), () -> 0.0);
        assertThat(b.next(Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(b.next(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realJitterSpreadsTheDelays() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10));
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            Duration d = b.next();
            assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(10));
            distinct.add(d.toMillis());
        }
        assertThat(distinct.size()).isGreaterThan(20);
    }
}
