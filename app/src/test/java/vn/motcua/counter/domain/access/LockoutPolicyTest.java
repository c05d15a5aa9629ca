package vn.motcua.counter.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = LockoutPolicy.DEFAULT;

    @Test
    void theFirstFailuresAreFreeThenTheDelayDoublesUpToItsCap() {
        assertThat(policy.delayAfter(0)).isZero();
        assertThat(policy.delayAfter(4)).isZero();
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofSeconds(480));
        assertThat(policy.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void lockedUntilCountsFromTheLastFailure() {
        Instant last = Instant.parse("2026-12-05T02:00:00Z");
        assertThat(policy.lockedUntil(5, last, last.plusSeconds(29))).contains(last.plusSeconds(30));
        assertThat(policy.lockedUntil(5, last, last.plusSeconds(30))).isEmpty();
        assertThat(policy.lockedUntil(4, last, last)).isEmpty();
        assertThat(policy.lockedUntil(0, null, last)).isEmpty();
    }

    @Test
    void rolesMayWhatTheTableSays() {
        assertThat(Role.CLERK.may(Permission.RECEIVE)).isTrue();
        assertThat(Role.CLERK.may(Permission.HANDLE)).isTrue();
        assertThat(Role.CLERK.may(Permission.REPORTS)).isFalse();
        assertThat(Role.CLERK.may(Permission.CORRECT)).isFalse();
        assertThat(Role.SUPERVISOR.may(Permission.AUDIT)).isTrue();
        assertThat(Role.SUPERVISOR.may(Permission.ACCOUNTS)).isFalse();
        assertThat(Role.SUPERVISOR.may(Permission.CATALOGUE)).isFalse();
        assertThat(Role.IT_ADMIN.may(Permission.DOCTOR)).isTrue();
        assertThat(Role.IT_ADMIN.may(Permission.RECEIVE)).isTrue();
        assertThat(Role.parse("admin")).contains(Role.IT_ADMIN);
        assertThat(Role.parse("IT_ADMIN")).contains(Role.IT_ADMIN);
        assertThat(Role.parse("Supervisor")).contains(Role.SUPERVISOR);
        assertThat(Role.parse("root")).isEmpty();
    }
}
