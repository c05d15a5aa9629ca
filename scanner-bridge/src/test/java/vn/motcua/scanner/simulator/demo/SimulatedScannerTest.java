package vn.motcua.scanner.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanJobState;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.Side;

@Timeout(60)
class SimulatedScannerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ScanSettings FEEDER_200_COLOR =
            new ScanSettings(PaperSource.FEEDER, 200, ColorMode.COLOR, PaperSize.A4);

    private final SimulatedScannerDriver driver =
            new SimulatedScannerDriver(new SimulatedScannerOptions(3, 0, Duration.ZERO));
    private final ScannerBridge bridge = new ScannerBridge(List.of(driver));

    @AfterEach
    void closeBridge() {
        bridge.close();
    }

    private ScannerDevice device() throws ScanException {
        return bridge.device("simulated:demo");
    }

    @Test
    void feederBatchGivesOneA4PagePerSheetInOrder() throws Exception {
        driver.setOptions(driver.options().withSheets(4));
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device(), FEEDER_200_COLOR, listener).await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.COMPLETED);
        assertThat(result.pages()).isEqualTo(4);
        assertThat(listener.pageNumbers()).containsExactly(1, 2, 3, 4);
        for (ScannedPage page : listener.pages) {
            assertThat(page.image().getWidth()).isEqualTo(1654);
            assertThat(page.image().getHeight()).isEqualTo(2339);
            assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(page.side()).isEqualTo(Side.FRONT);
            assertThat(page.dpi()).isEqualTo(200);
        }
        assertThat(listener.states).containsExactly(ScanJobState.SCANNING, ScanJobState.COMPLETED);
    }

    @Test
    void jamKeepsThePagesBeforeIt() throws Exception {
        driver.setOptions(driver.options().withSheets(10).withJamAtPage(4));
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device(), FEEDER_200_COLOR.withColorMode(ColorMode.GRAY), listener)
                .await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.FAILED);
        assertThat(result.error()).isEqualTo(ScanError.JAM);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(listener.pageNumbers()).containsExactly(1, 2, 3);
    }

    @Test
    void duplexGivesFrontAndBackOfEachSheet() throws Exception {
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device(), FEEDER_200_COLOR.withSource(PaperSource.DUPLEX)
                .withDpi(100), listener).await(WAIT);

        assertThat(result.pages()).isEqualTo(6);
        assertThat(listener.pages).extracting(ScannedPage::sheetNumber).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(listener.pages).extracting(ScannedPage::side)
                .containsExactly(Side.FRONT, Side.BACK, Side.FRONT, Side.BACK, Side.FRONT, Side.BACK);
    }

    @Test
    void flatbedGivesOnePageWhateverTheFeederHolds() throws Exception {
        driver.setOptions(driver.options().withSheets(0));
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device(), FEEDER_200_COLOR.withSource(PaperSource.FLATBED), listener)
                .await(WAIT);

        assertThat(result.isCompleted()).isTrue();
        assertThat(listener.pages).hasSize(1);
    }

    @Test
    void emptyFeederReportsNoPaper() throws Exception {
        driver.setOptions(driver.options().withSheets(0));

        ScanResult result = bridge.scan(device(), FEEDER_200_COLOR, new RecordingListener()).await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.NO_PAPER);
        assertThat(result.pages()).isZero();
    }

    @Test
    void cancelStopsTheBatchAndKeepsWhatArrived() throws Exception {
        driver.setOptions(new SimulatedScannerOptions(20, 0, Duration.ofMillis(150)));
        RecordingListener listener = new RecordingListener();
        ScanJob job = bridge.scan(device(), FEEDER_200_COLOR.withDpi(100), listener);

        listener.awaitFirstPage();
        job.cancel();
        ScanResult result = job.await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.CANCELLED);
        assertThat(result.error()).isEqualTo(ScanError.CANCELLED);
        assertThat(result.pages()).isBetween(1, 3).isEqualTo(listener.pages.size());
        assertThat(job.state()).isEqualTo(ScanJobState.CANCELLED);
    }

    @Test
    void greyAndLineArtComeAsStandardImageTypes() throws Exception {
        driver.setOptions(driver.options().withSheets(1));
        RecordingListener grey = new RecordingListener();
        RecordingListener lineArt = new RecordingListener();

        bridge.scan(device(), FEEDER_200_COLOR.withColorMode(ColorMode.GRAY), grey).await(WAIT);
        bridge.scan(device(), FEEDER_200_COLOR.withColorMode(ColorMode.LINEART), lineArt).await(WAIT);

        assertThat(grey.pages.getFirst().image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(lineArt.pages.getFirst().image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
    }

    @Test
    void unsupportedResolutionIsRefusedWithATypedError() throws Exception {
        ScanResult result = bridge.scan(device(), FEEDER_200_COLOR.withDpi(1200), new RecordingListener())
                .await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.UNSUPPORTED_SETTINGS);
    }

    @Test
    void unknownDeviceIsNotFound() {
        assertThatThrownBy(() -> bridge.device("simulated:nothing"))
                .isInstanceOfSatisfying(ScanException.class,
                        e -> assertThat(e.error()).isEqualTo(ScanError.DEVICE_NOT_FOUND));
    }
}
