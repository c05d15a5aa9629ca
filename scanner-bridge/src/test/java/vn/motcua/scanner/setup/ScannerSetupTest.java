package vn.motcua.scanner.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.PageFileWriter;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.sane.SaneHost;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScannerSetupTest {

    @TempDir
    Path work;

    @Test
    void defaultSetupHasEveryPortableDriverAndScansTheSimulatorToFiles() throws Exception {
        // SANE pointed at a port nobody listens on: discovery must still list the others.
        ScannerSetup setup = ScannerSetup.defaults().withEsclScanners(List.of(), false)
                .withSaneHosts(List.of(new SaneHost("127.0.0.1", vn.motcua.scanner.testing.FreePorts.one())));
        try (ScannerBridge bridge = setup.build()) {
            assertThat(bridge.driverNames()).containsExactly("simulated", "sane", "escl", "folder");
            ScannerBridge.Discovery discovery = bridge.discover();
            assertThat(discovery.devices()).extracting(d -> d.id()).contains("simulated:demo");
            assertThat(discovery.failedDrivers()).containsKey("sane");

            PageFileWriter files = new PageFileWriter(work.resolve("out"));
            ScanResult result = bridge.scan(bridge.device("simulated:demo"), ScanSettings.defaults().withDpi(100),
                    files).await(Duration.ofSeconds(30));

            assertThat(result.isCompleted()).isTrue();
            assertThat(files.written()).hasSize(5).allSatisfy(page ->
                    assertThat(Files.size(page.file())).isGreaterThan(1000));
            assertThat(files.written().getFirst().file().getFileName()).hasToString("page-001.png");
            try (var listing = Files.list(work.resolve("out"))) {
                assertThat(listing.filter(f -> f.toString().endsWith(".part"))).isEmpty();
            }
        }
    }
}
