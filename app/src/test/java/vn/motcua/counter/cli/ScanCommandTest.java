package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code motcua scan} against the simulated scanner, and a saned address where nothing listens. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ScanCommandTest {

    @TempDir
    Path out;

    /** The data folder the command runs with (scanning to a folder opens none, but reads its settings). */
    @TempDir
    Path dir;

    @Test
    void scanningWritesOnePngPerPageAndJsonListsThem() throws Exception {
        CliRun run = CliRun.motcua(dir, "scan", "--device", "simulated:demo", "--source", "adf", "--dpi", "100",
                "--mode", "gray", "--out", out.toString(), "--json", "--sane-host", closedPort());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("device").asText()).isEqualTo("simulated:demo");
        assertThat(json.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("error").isNull()).isTrue();
        List<String> files = new ArrayList<>();
        json.get("pages").forEach(page -> files.add(page.get("file").asText()));
        assertThat(files).hasSize(5).allSatisfy(file -> assertThat(Path.of(file)).isRegularFile());
        assertThat(json.get("pages").get(4).get("page").asInt()).isEqualTo(5);
        assertThat(json.get("pages").get(0).get("side").asText()).isEqualTo("front");
        assertThat(json.get("pages").get(0).get("dpi").asInt()).isEqualTo(100);
        try (var written = Files.list(out)) {
            assertThat(written.filter(f -> f.toString().endsWith(".png"))).hasSize(5);
        }
    }

    @Test
    void withoutJsonEachPageIsPrintedAsItArrives() {
        CliRun run = CliRun.motcua(dir, "scan", "--device", "simulated:demo", "--source", "flatbed", "--dpi", "100",
                "--out", out.toString(), "--sane-host", closedPort());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("page 1").contains("1 pages in " + out.toAbsolutePath());
    }

    @Test
    void listAsJsonNamesTheSimulatorAndTheUnreachableSaned() throws Exception {
        CliRun run = CliRun.motcua(dir, "scan", "--list", "--json", "--sane-host", closedPort());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> ids = new ArrayList<>();
        json.get("devices").forEach(device -> ids.add(device.get("id").asText()));
        assertThat(ids).contains("simulated:demo");
        assertThat(json.get("devices").get(ids.indexOf("simulated:demo")).get("driver").asText())
                .isEqualTo("simulated");
        assertThat(json.get("failedDrivers").get("sane").asText()).isEqualTo("OFFLINE");
    }

    @Test
    void aBadModeIsAUsageError() {
        CliRun run = CliRun.motcua(dir, "scan", "--device", "simulated:demo", "--mode", "sepia", "--out",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isNotBlank();
    }

    /** A loopback port nothing listens on, so SANE discovery fails fast instead of asking a real saned. */
    private static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
