package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.sync.hub.support.TestHub;

/** {@code motcua sync now --json} against the real hub on loopback: a waiting dossier is sent, exit 0. */
class SyncNowHubTest {

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    @AfterEach
    void clear() {
        TestCounter.clearHubProperties();
    }

    @Test
    void syncNowSendsWhatWaitsAndExitsZero() throws Exception {
        try (TestHub hub = TestHub.start(hubData)) {
            String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
            Settings settings = TestCounter.hubSettingsForCommands(data, hub.base.toString(), enrolment);
            try (CounterWiring counter = CounterWiring.open(settings, Clock.systemDefaultZone())) {
                // the enrolment code is single-use: let the start-up enrolment finish before closing, or the
                // command's own attempt races it and is refused
                TestCounter.awaitEnrolled(counter);
                counter.pipeline().pause();
                counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
            }   // closed before the pipeline sent it: it waits

            CliRun now = CliRun.motcua(data, "sync", "now", "--json");
            assertThat(now.exitCode()).as(now.out() + now.err()).isZero();
            var json = new ObjectMapper().readTree(now.out());
            assertThat(json.get("enabled").asBoolean()).isTrue();
            assertThat(json.get("waiting").asInt()).isZero();
            assertThat(json.get("failed").asInt()).isZero();
            assertThat(hub.count("select count(*) from manifests")).isEqualTo(1);

            CliRun status = CliRun.motcua(data, "sync", "status", "--json");
            assertThat(status.exitCode()).isZero();
        }
    }
}
