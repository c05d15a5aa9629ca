package vn.motcua.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void portalCodesAreOneToTen() {
        assertThat(Arrays.stream(Status.values()).mapToInt(Status::portalCode)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(Status.ofPortalCode(10)).isEqualTo(Status.RETURNED);
        assertThat(Status.RECEIVED.portalName()).isEqualTo("Được tiếp nhận");
    }

    @Test
    void aReceivedDossierMovesForwardButNeverBack() {
        assertThat(Status.RECEIVED.canMoveTo(Status.PROCESSING)).isTrue();
        assertThat(Status.RECEIVED.canMoveTo(Status.REGISTERED)).isFalse();
        assertThat(Status.RESOLVED.canMoveTo(Status.RETURNED)).isTrue();
        assertThat(Status.RETURNED.isFinal()).isTrue();
        assertThat(Status.NOT_RECEIVED.next()).isEmpty();
    }

    @Test
    void onlyAResolvedDossierIsReturned() {
        assertThat(Arrays.stream(Status.values()).filter(s -> s.canMoveTo(Status.RETURNED)))
                .containsExactly(Status.RESOLVED);
    }
}
