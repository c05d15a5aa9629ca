package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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
        for (String key : new String[] {"hub.url", "hub.enrolment", "agency.code", "ocr.workers", "proxy.mode",
                "clerk.name"}) {
            System.clearProperty("motcua." + key);
        }
    }

    @Test
    void syncNowSendsWhatWaitsAndExitsZero() throws Exception {
        try (TestHub hub = TestHub.start(hubData)) {
            String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
            Map<String, String> values = new HashMap<>(Map.of("hub.url", hub.base.toString(), "hub.enrolment",
                    enrolment, "agency.code", TestCounter.AGENCY, "ocr.workers", "0", "proxy.mode", "direct",
                    "clerk.name", "Trần Văn Bình"));
            values.forEach((k, v) -> System.setProperty("motcua." + k, v));
            Map<String, String> all = new HashMap<>(values);
            all.put(Settings.DATA_DIR, data.toString());
            try (CounterWiring counter = CounterWiring.open(Settings.of(all), Clock.systemDefaultZone())) {
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
