package vn.motcua.scanner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.Side;

/**
 * The Java side of the TWAIN/WIA bridge against recorded exchanges, replayed by a real worker process: what the
 * client sends is checked message by message (a mismatch ends the job DRIVER_CRASHED with "mismatch").
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordedExchangeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ScanSettings DUPLEX_GREY_200 =
            new ScanSettings(PaperSource.DUPLEX, 200, ColorMode.GRAY, PaperSize.A4);

    @TempDir
    Path work;

    /** A fresh copy of the transcript whose next worker process plays section {@code firstProcess}. */
    private ScannerBridge replaying(String transcript, int firstProcess, BridgeProcessDriver.Api api)
            throws Exception {
        Path copy = work.resolve(transcript);
        try (InputStream in = getClass().getResourceAsStream(transcript)) {
            Files.copy(in, copy);
        }
        Files.writeString(work.resolve(transcript + ".count"), Integer.toString(firstProcess - 1));
        return new ScannerBridge(List.of(new BridgeProcessDriver(api,
                WorkerCommands.java(ReplayWorker.class, copy.toString()), Duration.ofSeconds(20),
                Duration.ofSeconds(20))));
    }

    @Test
    void twainDiscoveryAndCapabilities() throws Exception {
        try (ScannerBridge bridge = replaying("twain-sheetfed-duplex.exchange", 1, BridgeProcessDriver.Api.TWAIN)) {
            ScannerBridge.Discovery discovery = bridge.discover();
            assertThat(discovery.failedDrivers()).isEmpty();
            assertThat(discovery.devices()).singleElement().satisfies(device -> {
                assertThat(device.id()).isEqualTo("twain:TW-SHEETFED-1");
                assertThat(device.displayName()).isEqualTo("Sheetfed Duplex (TWAIN)");
            });

            ScannerCapabilities caps = bridge.capabilities(discovery.devices().getFirst());

            assertThat(caps.sources()).containsExactlyInAnyOrder(PaperSource.FEEDER, PaperSource.DUPLEX);
            assertThat(caps.colorModes()).containsExactlyInAnyOrder(ColorMode.values());
            assertThat(caps.resolutions()).containsExactly(75, 100, 150, 200, 240, 300, 400, 600);
            assertThat(caps.maxHeightMm()).isCloseTo(355.6, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void twainDuplexBatchSendsTheExpectedCapabilitiesAndDeliversBothSides() throws Exception {
        try (ScannerBridge bridge = replaying("twain-sheetfed-duplex.exchange", 3, BridgeProcessDriver.Api.TWAIN)) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(bridge.device("twain:TW-SHEETFED-1"), DUPLEX_GREY_200, listener)
                    .await(WAIT);

            assertThat(result.isCompleted()).as(String.valueOf(result.detail())).isTrue();
            assertThat(listener.pages).extracting(ScannedPage::side)
                    .containsExactly(Side.FRONT, Side.BACK, Side.FRONT, Side.BACK);
            assertThat(listener.pages).extracting(ScannedPage::sheetNumber).containsExactly(1, 1, 2, 2);
        }
    }

    @Test
    void settingsTheRecordingDoesNotExpectAreCaught() throws Exception {
        try (ScannerBridge bridge = replaying("twain-sheetfed-duplex.exchange", 3, BridgeProcessDriver.Api.TWAIN)) {
            ScanResult result = bridge.scan(bridge.device("twain:TW-SHEETFED-1"), DUPLEX_GREY_200.withDpi(300),
                    new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.DRIVER_CRASHED);
            assertThat(result.detail()).contains("mismatch").contains("ICAP_XRESOLUTION");
        }
    }

    @Test
    void twainJamKeepsTheSidesAlreadyTransferred() throws Exception {
        try (ScannerBridge bridge = replaying("twain-sheetfed-duplex.exchange", 4, BridgeProcessDriver.Api.TWAIN)) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(bridge.device("twain:TW-SHEETFED-1"), DUPLEX_GREY_200, listener)
                    .await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.JAM);
            assertThat(listener.pageNumbers()).containsExactly(1, 2);
        }
    }

    @Test
    void aWorkerThatDiesMidPageIsADriverCrash() throws Exception {
        try (ScannerBridge bridge = replaying("twain-sheetfed-duplex.exchange", 5, BridgeProcessDriver.Api.TWAIN)) {
            ScanResult result = bridge.scan(bridge.device("twain:TW-SHEETFED-1"), DUPLEX_GREY_200,
                    new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.DRIVER_CRASHED);
            assertThat(result.detail()).contains("exited with code 139");
        }
    }

    @Test
    void wiaCapabilitiesAndAColourFeederPage() throws Exception {
        try (ScannerBridge bridge = replaying("wia-flatbed-feeder.exchange", 1, BridgeProcessDriver.Api.WIA)) {
            ScannerDevice device = bridge.device("wia:WIA-MFP-1");
            ScannerCapabilities caps = bridge.capabilities(device);
            assertThat(caps.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.FEEDER);
            assertThat(caps.resolutions()).containsExactly(75, 150, 300, 600);
            assertThat(caps.maxHeightMm()).isCloseTo(355.6, org.assertj.core.data.Offset.offset(0.01));
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(device, new ScanSettings(PaperSource.FEEDER, 300, ColorMode.COLOR,
                    PaperSize.A4), listener).await(WAIT);

            assertThat(result.isCompleted()).as(String.valueOf(result.detail())).isTrue();
            assertThat(listener.pages).singleElement().satisfies(page -> {
                assertThat(page.dpi()).isEqualTo(300);
                assertThat(page.image().getType()).isEqualTo(java.awt.image.BufferedImage.TYPE_INT_RGB);
            });
        }
    }

    @Test
    void wiaEmptyFeederIsNoPaper() throws Exception {
        try (ScannerBridge bridge = replaying("wia-flatbed-feeder.exchange", 3, BridgeProcessDriver.Api.WIA)) {
            ScanResult result = bridge.scan(bridge.device("wia:WIA-MFP-1"), new ScanSettings(PaperSource.FEEDER,
                    300, ColorMode.COLOR, PaperSize.A4), new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.NO_PAPER);
        }
    }
}
