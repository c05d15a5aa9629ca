package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code motcua sync status|now} on a real data folder with no hub configured: sync is off, and says so. */
class SyncCommandTest {

    @TempDir
    Path data;

    @Test
    void withoutAHubSyncIsOffAndTheCommandsSaySoWithTheirExitCode() throws Exception {
        CliRun status = CliRun.motcua(data, "sync", "status", "--json");
        assertThat(status.exitCode()).as(status.err()).isEqualTo(SyncCommand.OFF);
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("enabled").asBoolean()).isFalse();
        assertThat(json.get("waiting").asInt()).isZero();

        CliRun now = CliRun.motcua(data, "sync", "now");
        assertThat(now.exitCode()).isEqualTo(SyncCommand.OFF);
        assertThat(now.out()).contains("hub.url");
    }
}
