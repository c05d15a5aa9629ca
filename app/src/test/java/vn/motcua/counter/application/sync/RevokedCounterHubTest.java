package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.hub.support.TestHub;

/**
 * A counter the hub revoked, against the real hub on loopback: its dossiers wait blocked and the counter says it was
 * revoked (the old, used code cannot bring it back); once IT staff give it a new enrolment code it enrols again as
 * the same counter and sends what waited.
 */
class RevokedCounterHubTest {

    private static final String NAME = TestCounter.AGENCY + "-1";

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));

    @Test
    void aRevokedCounterKeepsItsDossiersWaitingAndANewEnrolmentCodeBringsItBack() throws Exception {
        try (TestHub hub = TestHub.start(hubData)) {
            DossierCode waiting;
            try (CounterWiring counter = open(hub, hub.hub.counters().createEnrolmentCode(NAME, "test").code())) {
                TestCounter.awaitEnrolled(counter);
                DossierCode sent = receive(counter, 1);
                counter.syncing().syncNow(Duration.ofSeconds(30));
                assertThat(counter.syncing().of(sent).state()).isEqualTo(Syncing.State.SENT);

                assertThat(hub.hub.counters().revoke(NAME, "test")).isTrue();
                waiting = receive(counter, 2);
                counter.syncing().syncNow(Duration.ofSeconds(30));
                WorkItem item = sendItem(counter, waiting);
                assertThat(item.state()).isEqualTo(WorkState.BLOCKED);
                assertThat(item.error().messageKey()).isEqualTo(Syncing.REVOKED);
                assertThat(counter.syncing().revoked()).isTrue();
                assertThat(counter.syncing().lastPull().orElseThrow().error().messageKey()).isEqualTo(Syncing.REVOKED);
                assertThat(counter.lifecycle().dossier(waiting)).as("the data is kept").isNotNull();
            }
            assertThat(hub.count("select count(*) from manifests where code = '" + waiting.value() + "'")).isZero();

            // IT staff make a new code for the same counter name and provision it; the next start uses it
            try (CounterWiring counter = open(hub, hub.hub.counters().createEnrolmentCode(NAME, "test").code())) {
                counter.syncing().syncNow(Duration.ofSeconds(30));
                assertThat(sendItem(counter, waiting).state()).isEqualTo(WorkState.DONE);
                assertThat(counter.syncing().revoked()).isFalse();
                assertThat(counter.syncing().lastPull().orElseThrow().error()).isNull();
            }
            assertThat(hub.count("select count(*) from manifests where code = '" + waiting.value() + "'")).isEqualTo(1);
            assertThat(hub.count("select count(*) from counters")).as("the same counter, enrolled again").isEqualTo(1);
            assertThat(hub.count("select count(*) from counters where revoked_at is null")).isEqualTo(1);
        }
    }

    private CounterWiring open(TestHub hub, String enrolment) {
        return CounterWiring.open(TestCounter.hubSettings(data, hub.base.toString(), enrolment), clock);
    }

    private static DossierCode receive(CounterWiring counter, int number) {
        return counter.reception().receive(TestCounter.request(counter, number), counter.profile()).dossier().code();
    }

    private static WorkItem sendItem(CounterWiring counter, DossierCode code) {
        return counter.stages().itemsOf(code).stream().filter(i -> i.stage() == Stage.SEND_DOSSIER).findFirst()
                .orElseThrow();
    }
}
