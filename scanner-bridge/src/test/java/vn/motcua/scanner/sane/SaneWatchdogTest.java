package vn.motcua.scanner.sane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.Watchdog;
import vn.motcua.scanner.testing.SanedProcess;

/** A real saned frozen with SIGSTOP mid-batch: the watchdog ends the job, the pages before stay delivered. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SaneWatchdogTest {

    @TempDir
    static Path work;
    private static SanedProcess saned;

    @BeforeAll
    static void startSaned() throws Exception {
        saned = SanedProcess.start(work);
    }

    @AfterAll
    static void stopSaned() throws Exception {
        if (saned != null) {
            saned.stop();
        }
    }

    @Test
    void aFrozenSanedIsReportedHungAndEarlierPagesStay() throws Exception {
        // Page 2 crawls (0.1 s per buffer), so the freeze surely lands inside it.
        Map<String, String> crawl = new LinkedHashMap<>();
        crawl.put("read-delay", "yes");
        crawl.put("read-delay-duration", "100000");
        SaneOptionOverrides slowSecondPage = page -> page == 2 ? crawl : Map.of();
        Watchdog watchdog = Watchdog.defaults().withPage(Duration.ofSeconds(2));
        SaneDriver driver = new SaneDriver(List.of(new SaneHost("127.0.0.1", saned.port())), Duration.ofSeconds(2),
                Duration.ofSeconds(30), slowSecondPage, SaneCredentials.none());
        try (ScannerBridge bridge = new ScannerBridge(List.of(driver), watchdog)) {
            RecordingListener listener = new RecordingListener();
            ScanJob job = bridge.scan(bridge.device("sane:net:127.0.0.1:" + saned.port() + ":test:0"),
                    new ScanSettings(PaperSource.FEEDER, 150, ColorMode.GRAY, PaperSize.A4), listener);
            listener.awaitFirstPage();
            saned.freeze();
            long frozenAt = System.nanoTime();

            ScanResult result = job.await(Duration.ofSeconds(20));

            long tookMillis = (System.nanoTime() - frozenAt) / 1_000_000;
            assertThat(result.error()).isEqualTo(ScanError.DRIVER_HUNG);
            assertThat(result.pages()).isEqualTo(1);
            assertThat(listener.pageNumbers()).containsExactly(1);
            assertThat(tookMillis).as("ended by the 2 s page watchdog").isLessThan(5000);
        } finally {
            saned.thaw();
        }
    }
}
