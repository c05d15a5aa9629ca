package vn.motcua.scanner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.Watchdog;
import vn.motcua.scanner.worker.host.BridgeWorkerMain;

/** The real Java worker (virtual source) in its own process: crash isolation across a process boundary. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WorkerProcessTest {

    private static final ScanSettings FEEDER_GREY_100 =
            new ScanSettings(PaperSource.FEEDER, 100, ColorMode.GRAY, PaperSize.A4);

    private static ScannerBridge bridge(BridgeProcessDriver.Api api, Watchdog watchdog, String... workerArgs) {
        return new ScannerBridge(List.of(new BridgeProcessDriver(api, WorkerCommands.java(BridgeWorkerMain.class,
                workerArgs), Duration.ofSeconds(20), Duration.ofSeconds(20))), watchdog);
    }

    private static long runningWorkers() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(BridgeWorkerMain.class.getName()))
                .filter(ProcessHandle::isAlive).count();
    }

    @Test
    void virtualTwainSourceScansADuplexBatchThroughTheWorker() throws Exception {
        try (ScannerBridge bridge = bridge(BridgeProcessDriver.Api.TWAIN, Watchdog.defaults(), "--sheets=2")) {
            assertThat(bridge.discover().devices()).extracting(d -> d.id()).containsExactly("twain:virtual-0");
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(bridge.device("twain:virtual-0"),
                    FEEDER_GREY_100.withSource(PaperSource.DUPLEX), listener).await(Duration.ofSeconds(60));

            assertThat(result.isCompleted()).as(String.valueOf(result.detail())).isTrue();
            assertThat(listener.pageNumbers()).containsExactly(1, 2, 3, 4);
            assertThat(listener.pages.getFirst().widthPixels()).isEqualTo(827);
        }
    }

    /** Not Windows: the native backend cannot load its DLL, and every request says which one. */
    @ParameterizedTest
    @CsvSource({"TWAIN, twain, fi-7160, TWAINDSM.dll", "WIA, wia, WIA-MFP-1, ole32.dll"})
    void aNativeBackendWithoutItsDllSaysWhyOnEveryRequest(BridgeProcessDriver.Api api, String backend, String device,
                                                          String dll) throws Exception {
        try (ScannerBridge bridge = bridge(api, Watchdog.defaults(), "--backend=" + backend)) {
            assertThat(bridge.discover().failedDrivers()).containsEntry(backend, ScanError.DRIVER_CRASHED);

            assertThatThrownBy(() -> bridge.capabilities(bridge.device(backend + ":" + device)))
                    .isInstanceOfSatisfying(ScanException.class, e -> {
                        assertThat(e.error()).isEqualTo(ScanError.DRIVER_CRASHED);
                        assertThat(e.getMessage()).contains(dll);
                    });
            ScanResult scan = bridge.scan(bridge.device(backend + ":" + device), FEEDER_GREY_100,
                    new RecordingListener()).await(Duration.ofSeconds(60));
            assertThat(scan.error()).isEqualTo(ScanError.DRIVER_CRASHED);
            assertThat(String.valueOf(scan.detail())).contains(dll);
        }
    }

    @Test
    void virtualWiaSourceReportsAJamAfterTheFirstPage() throws Exception {
        try (ScannerBridge bridge = bridge(BridgeProcessDriver.Api.WIA, Watchdog.defaults(), "--sheets=3",
                "--jam-at=2")) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(bridge.device("wia:virtual-0"), FEEDER_GREY_100, listener)
                    .await(Duration.ofSeconds(60));

            assertThat(result.error()).isEqualTo(ScanError.JAM);
            assertThat(listener.pageNumbers()).containsExactly(1);
        }
    }

    @Test
    void aCrashingWorkerEndsTheJobButNotTheApplication() throws Exception {
        try (ScannerBridge bridge = bridge(BridgeProcessDriver.Api.TWAIN, Watchdog.defaults(), "--sheets=3",
                "--crash-at=2")) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(bridge.device("twain:virtual-0"), FEEDER_GREY_100, listener)
                    .await(Duration.ofSeconds(60));

            assertThat(result.error()).isEqualTo(ScanError.DRIVER_CRASHED);
            assertThat(listener.pageNumbers()).containsExactly(1);
        }
    }

    @Test
    void aHungWorkerIsReportedAndKilled() throws Exception {
        Watchdog quick = new Watchdog(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        try (ScannerBridge bridge = bridge(BridgeProcessDriver.Api.TWAIN, quick, "--sheets=3", "--hang-at=2")) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(bridge.device("twain:virtual-0"), FEEDER_GREY_100, listener)
                    .await(Duration.ofSeconds(60));

            assertThat(result.error()).isEqualTo(ScanError.DRIVER_HUNG);
            assertThat(listener.pageNumbers()).containsExactly(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (runningWorkers() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runningWorkers()).as("hung worker process killed").isZero();
        }
    }

    @Test
    void cancelReachesTheWorker() throws Exception {
        try (ScannerBridge bridge = bridge(BridgeProcessDriver.Api.TWAIN, Watchdog.defaults(), "--sheets=20",
                "--page-delay-ms=200")) {
            RecordingListener listener = new RecordingListener();
            ScanJob job = bridge.scan(bridge.device("twain:virtual-0"), FEEDER_GREY_100, listener);
            listener.awaitFirstPage();

            job.cancel();
            ScanResult result = job.await(Duration.ofSeconds(30));

            assertThat(result.error()).isEqualTo(ScanError.CANCELLED);
            assertThat(result.pages()).isBetween(1, 19);
        }
    }
}
