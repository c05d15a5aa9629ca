package vn.motcua.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.counter.domain.lifecycle.HubOutcome;

class HubOutcomeTest {

    @Test
    void theHubsStatusIsTakenWhereTheLifecycleAllowsTheStep() {
        assertThat(HubOutcome.of(Status.RECEIVED, Status.PROCESSING)).isEqualTo(HubOutcome.APPLIED);
        assertThat(HubOutcome.of(Status.PROCESSING, Status.SUPPLEMENT_REQUESTED)).isEqualTo(HubOutcome.APPLIED);
        assertThat(HubOutcome.of(Status.SUPPLEMENT_REQUESTED, Status.PROCESSING)).isEqualTo(HubOutcome.APPLIED);
        assertThat(HubOutcome.of(Status.PROCESSING, Status.PROCESSING)).isEqualTo(HubOutcome.ALREADY_THERE);
        assertThat(HubOutcome.of(Status.STOPPED, Status.PROCESSING)).isEqualTo(HubOutcome.REFUSED);
        assertThat(HubOutcome.of(Status.RESOLVED, Status.RECEIVED)).isEqualTo(HubOutcome.REFUSED);
        assertThat(HubOutcome.APPLIED.taken()).isTrue();
        assertThat(HubOutcome.ALREADY_THERE.taken()).isTrue();
        assertThat(HubOutcome.REFUSED.taken()).isFalse();
        assertThat(HubOutcome.UNKNOWN_DOSSIER.taken()).isFalse();
    }
}
