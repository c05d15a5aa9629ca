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

    @Test
    void syncNowPullsTheDepartmentsChangesAndSaysHowManyItApplied() throws Exception {
        try (TestHub hub = TestHub.start(hubData)) {
            String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
            Settings settings = TestCounter.hubSettingsForCommands(data, hub.base.toString(), enrolment);
            String code;
            try (CounterWiring counter = CounterWiring.open(settings, Clock.systemDefaultZone())) {
                TestCounter.awaitEnrolled(counter);
                code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code()
                        .value();
                counter.syncing().syncNow(java.time.Duration.ofSeconds(30));
            }
            assertThat(hub.count("select count(*) from manifests")).isEqualTo(1);
            hub.hub.processing().changeStatus(code, 4, "Chuyên viên Lê Văn Tâm", null);
            hub.hub.processing().requestSupplement(code, "Chuyên viên Lê Văn Tâm", "Bổ sung giấy ủy quyền");

            CliRun now = CliRun.motcua(data, "sync", "now", "--json");
            assertThat(now.exitCode()).as(now.out() + now.err()).isZero();
            var json = new ObjectMapper().readTree(now.out());
            assertThat(json.get("pulled").asInt()).isEqualTo(2);
            assertThat(json.get("pullRefused").asInt()).isZero();
            assertThat(json.get("pullError").isNull()).isTrue();

            CliRun again = CliRun.motcua(data, "sync", "now", "--json");
            assertThat(new ObjectMapper().readTree(again.out()).get("pulled").asInt()).as("nothing twice").isZero();

            CliRun show = CliRun.motcua(data, "dossier", "show", code, "--json");
            assertThat(show.exitCode()).as(show.out() + show.err()).isZero();
            var history = new ObjectMapper().readTree(show.out()).get("history");
            var last = history.get(history.size() - 1);
            assertThat(last.get("by").asText()).isEqualTo("Chuyên viên Lê Văn Tâm");
            assertThat(last.get("text").asText()).isEqualTo("Bộ phận chuyên môn yêu cầu bổ sung (máy chủ tỉnh): từ "
                    + "\"Đang xử lý\" sang \"Yêu cầu bổ sung\"; lý do: Bổ sung giấy ủy quyền.");

            try (CounterWiring counter = CounterWiring.open(settings, Clock.systemDefaultZone())) {
                var code0 = vn.motcua.counter.domain.DossierCode.parse(code);
                assertThat(counter.lifecycle().dossier(code0).status())
                        .isEqualTo(vn.motcua.counter.domain.Status.SUPPLEMENT_REQUESTED);
                assertThat(counter.lifecycle().history(code0)).extracting(e -> e.kind() + " " + e.actor())
                        .contains("HUB_STATUS Chuyên viên Lê Văn Tâm", "HUB_SUPPLEMENT_REQUESTED Chuyên viên Lê Văn Tâm");
            }
        }
    }
}
