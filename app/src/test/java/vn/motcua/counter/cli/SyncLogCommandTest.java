package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.sync.hub.support.TestHub;

/**
 * {@code motcua sync log [--json]} on a counter that sent a dossier to the real hub on loopback and took two changes
 * of the department: what is stored, newest first, as the window's sync log words it (the pulls of that other run are
 * kept in memory only, so none), without the department's free-text reason.
 */
class SyncLogCommandTest {

    private static final String OFFICER = "Chuyên viên Lê Văn Tâm";

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    @AfterEach
    void clear() {
        TestCounter.clearHubProperties();
    }

    @Test
    void printsWhatWasSentAndTheDepartmentsChangesNewestFirst() throws Exception {
        try (TestHub hub = TestHub.start(hubData)) {
            String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
            Settings settings = TestCounter.hubSettingsForCommands(data, hub.base.toString(), enrolment);
            String code;
            try (CounterWiring counter = CounterWiring.open(settings, Clock.systemDefaultZone())) {
                TestCounter.awaitEnrolled(counter);
                code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code()
                        .value();
                counter.syncing().syncNow(Duration.ofSeconds(30));
                hub.hub.processing().changeStatus(code, 4, OFFICER, null);
                hub.hub.processing().requestSupplement(code, OFFICER, "Bổ sung giấy ủy quyền");
                counter.syncing().syncNow(Duration.ofSeconds(30));
            }

            CliRun log = CliRun.motcua(data, "sync", "log", "--json", "--limit", "10");
            assertThat(log.exitCode()).as(log.out() + log.err()).isZero();
            var entries = new ObjectMapper().readTree(log.out());
            assertThat(entries.size()).isEqualTo(3);
            assertThat(entries.get(0).get("kind").asText()).isEqualTo("HUB_CHANGE");
            assertThat(entries.get(0).get("dossier").asText()).isEqualTo(code);
            assertThat(entries.get(0).get("what").asText()).isEqualTo("Thay đổi từ sở");
            assertThat(entries.get(0).get("change").get("kind").asText()).isEqualTo("SUPPLEMENT_REQUEST");
            assertThat(entries.get(0).get("change").get("by").asText()).isEqualTo(OFFICER);
            assertThat(entries.get(0).get("change").get("outcome").asText()).isEqualTo("APPLIED");
            assertThat(entries.get(1).get("change").get("kind").asText()).isEqualTo("STATUS");
            assertThat(entries.get(1).get("change").get("status").asInt()).isEqualTo(4);
            assertThat(entries.get(2).get("kind").asText()).isEqualTo("SENT");
            assertThat(entries.get(2).get("revision").asInt()).isEqualTo(1);
            assertThat(entries.get(2).get("via").asText()).isEqualTo("NETWORK");
            assertThat(entries.get(2).get("detail").asText()).isEqualTo("Phiên bản 1 · qua mạng");
            assertThat(log.out()).as("the department's reason is free text: not in the log")
                    .doesNotContain("Bổ sung giấy ủy quyền").doesNotContain(TestCounter.APPLICANT_NAME);

            CliRun words = CliRun.motcua(data, "sync", "log", "--limit", "1");
            assertThat(words.exitCode()).isZero();
            assertThat(words.out().strip()).matches("\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}  Thay đổi từ sở  "
                    + Pattern.quote(code) + "  Yêu cầu bổ sung: Yêu cầu bổ sung · " + OFFICER + ", .* · đã áp dụng");
        }
    }
}
