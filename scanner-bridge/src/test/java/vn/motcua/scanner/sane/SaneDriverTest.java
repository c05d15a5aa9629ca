package vn.motcua.scanner.sane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanJobState;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.testing.SanedProcess;

/** Against a real saned with the SANE test backend, started for this class on a free port. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SaneDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ScanSettings FEEDER_300_GRAY =
            new ScanSettings(PaperSource.FEEDER, 300, ColorMode.GRAY, PaperSize.A4);

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

    private static ScannerBridge bridge(SaneOptionOverrides overrides) {
        return new ScannerBridge(List.of(new SaneDriver(List.of(new SaneHost("127.0.0.1", saned.port())),
                Duration.ofSeconds(2), Duration.ofSeconds(30), overrides, SaneCredentials.none())));
    }

    private static ScannerDevice testDevice(ScannerBridge bridge) throws ScanException {
        return bridge.device("sane:net:127.0.0.1:" + saned.port() + ":test:0");
    }

    @Test
    void discoversTheTestBackendsDevicesWithTheirCapabilities() throws Exception {
        try (ScannerBridge bridge = bridge(SaneOptionOverrides.NONE)) {
            ScannerBridge.Discovery discovery = bridge.discover();

            assertThat(discovery.failedDrivers()).isEmpty();
            assertThat(discovery.devices()).extracting(ScannerDevice::id)
                    .contains("sane:net:127.0.0.1:" + saned.port() + ":test:0");
            ScannerCapabilities capabilities = bridge.capabilities(testDevice(bridge));
            assertThat(capabilities.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.FEEDER);
            assertThat(capabilities.colorModes())
                    .containsExactlyInAnyOrder(ColorMode.COLOR, ColorMode.GRAY, ColorMode.LINEART);
            assertThat(capabilities.resolutions()).contains(200, 300);
            assertThat(capabilities.paperSizes()).contains(PaperSize.A4);
        }
    }

    @Test
    void tenPageFeederBatchAt300DpiGrey() throws Exception {
        try (ScannerBridge bridge = bridge(SaneOptionOverrides.NONE)) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(testDevice(bridge), FEEDER_300_GRAY, listener).await(WAIT);

            assertThat(result.state()).isEqualTo(ScanJobState.COMPLETED);
            assertThat(listener.pageNumbers()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            for (ScannedPage page : listener.pages) {
                // The test backend truncates 297 mm at 300 dpi (3507.9 pixels) to 3507.
                assertThat(page.image().getWidth()).isEqualTo(2480);
                assertThat(page.image().getHeight()).isBetween(3507, 3508);
                assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            }
        }
    }

    @Test
    void tenPageFeederBatchAt300DpiColour() throws Exception {
        try (ScannerBridge bridge = bridge(SaneOptionOverrides.NONE)) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(testDevice(bridge), FEEDER_300_GRAY.withColorMode(ColorMode.COLOR),
                    listener).await(WAIT);

            assertThat(result.state()).isEqualTo(ScanJobState.COMPLETED);
            assertThat(listener.pages).hasSize(10);
            assertThat(listener.pages).allSatisfy(page -> {
                assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
                assertThat(page.image().getWidth()).isEqualTo(2480);
            });
        }
    }

    @Test
    void aJamMidBatchKeepsTheEarlierPages() throws Exception {
        SaneOptionOverrides jamAtFive = page -> page == 5
                ? Map.of("read-return-value", "SANE_STATUS_JAMMED") : Map.of();
        try (ScannerBridge bridge = bridge(jamAtFive)) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(testDevice(bridge), FEEDER_300_GRAY.withDpi(100), listener)
                    .await(WAIT);

            assertThat(result.state()).isEqualTo(ScanJobState.FAILED);
            assertThat(result.error()).isEqualTo(ScanError.JAM);
            assertThat(listener.pageNumbers()).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void coverOpenIsReportedAsSuch() throws Exception {
        try (ScannerBridge bridge = bridge(page -> Map.of("read-return-value", "SANE_STATUS_COVER_OPEN"))) {
            ScanResult result = bridge.scan(testDevice(bridge), FEEDER_300_GRAY.withDpi(100),
                    new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.COVER_OPEN);
            assertThat(result.pages()).isZero();
        }
    }

    @Test
    void cancelMidBatchEndsCancelledAndKeepsWhatArrived() throws Exception {
        try (ScannerBridge bridge = bridge(SaneOptionOverrides.NONE)) {
            RecordingListener listener = new RecordingListener();
            ScanJob job = bridge.scan(testDevice(bridge), FEEDER_300_GRAY, listener);

            listener.awaitFirstPage();
            job.cancel();
            ScanResult result = job.await(WAIT);

            assertThat(result.state()).isEqualTo(ScanJobState.CANCELLED);
            assertThat(result.pages()).isEqualTo(listener.pages.size()).isBetween(1, 9);
        }
    }

    @Test
    void lineArtComesAsOneBitPages() throws Exception {
        try (ScannerBridge bridge = bridge(SaneOptionOverrides.NONE)) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(testDevice(bridge), FEEDER_300_GRAY.withSource(PaperSource.FLATBED)
                    .withColorMode(ColorMode.LINEART).withDpi(200), listener).await(WAIT);

            assertThat(result.isCompleted()).isTrue();
            assertThat(listener.pages).singleElement().satisfies(page -> {
                assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
                // 210 mm at 200 dpi is 1653.5 pixels; the backend rounds down at 1 bit per pixel.
                assertThat(page.image().getWidth()).isBetween(1653, 1654);
            });
        }
    }

    @Test
    void threePassColourGivesTheSamePageAsOnePass() throws Exception {
        // BGR order: the frames arrive blue, green, red, so placing them by their frame type is what is tested.
        Map<String, String> threePass = new LinkedHashMap<>();
        threePass.put("test-picture", "Color pattern");
        threePass.put("three-pass", "yes");
        threePass.put("three-pass-order", "BGR");
        BufferedImage onePass = flatbedPage(Map.of("test-picture", "Color pattern"), ColorMode.COLOR);
        BufferedImage inThreeFrames = flatbedPage(threePass, ColorMode.COLOR);

        assertThat(inThreeFrames.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(Set.copyOf(pixels(onePass))).as("the colour pattern has several colours").hasSizeGreaterThan(3);
        assertThat(pixels(inThreeFrames)).isEqualTo(pixels(onePass));
    }

    @Test
    void sixteenBitGreyComesAsTheSameEightBitPage() throws Exception {
        // The grid is 0x0000/0xFFFF, so this checks rows and stride, not which byte is the high one.
        Map<String, String> sixteenBits = new LinkedHashMap<>();
        sixteenBits.put("test-picture", "Grid");
        sixteenBits.put("depth", "16");
        BufferedImage eightBit = flatbedPage(Map.of("test-picture", "Grid"), ColorMode.GRAY);
        BufferedImage fromSixteen = flatbedPage(sixteenBits, ColorMode.GRAY);

        assertThat(fromSixteen.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(pixels(eightBit)).contains(0xFF000000, 0xFFFFFFFF);
        assertThat(pixels(fromSixteen)).isEqualTo(pixels(eightBit));
    }

    private static BufferedImage flatbedPage(Map<String, String> options, ColorMode mode) throws Exception {
        try (ScannerBridge bridge = bridge(page -> options)) {
            RecordingListener listener = new RecordingListener();
            ScanResult result = bridge.scan(testDevice(bridge), FEEDER_300_GRAY.withSource(PaperSource.FLATBED)
                    .withColorMode(mode).withDpi(50), listener).await(WAIT);
            assertThat(result.isCompleted()).as(result.toString()).isTrue();
            return listener.pages.getFirst().image();
        }
    }

    /** A page's colours sampled on a coarse grid, in scan order. */
    private static List<Integer> pixels(BufferedImage image) {
        List<Integer> sampled = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                sampled.add(image.getRGB(x, y));
            }
        }
        return sampled;
    }

    @Test
    void duplexIsRefusedOnAScannerWithoutIt() throws Exception {
        try (ScannerBridge bridge = bridge(SaneOptionOverrides.NONE)) {
            ScanResult result = bridge.scan(testDevice(bridge), FEEDER_300_GRAY.withSource(PaperSource.DUPLEX),
                    new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.UNSUPPORTED_SETTINGS);
        }
    }

    @Test
    void aStoppedSanedIsReportedOffline(@TempDir Path otherWork) throws Exception {
        SanedProcess stopped = SanedProcess.start(otherWork);
        int port = stopped.port();
        stopped.stop();
        try (ScannerBridge bridge = new ScannerBridge(List.of(new SaneDriver(List.of(new SaneHost("127.0.0.1",
                port)), SaneCredentials.none())))) {
            assertThat(bridge.discover().failedDrivers()).containsEntry("sane", ScanError.OFFLINE);
            ScannerDevice device = bridge.device("sane:net:127.0.0.1:" + port + ":test:0");
            ScanResult result = bridge.scan(device, FEEDER_300_GRAY, new RecordingListener()).await(WAIT);
            assertThat(result.error()).isEqualTo(ScanError.OFFLINE);
            assertThatThrownBy(() -> bridge.capabilities(device)).isInstanceOfSatisfying(ScanException.class,
                    e -> assertThat(e.error()).isEqualTo(ScanError.OFFLINE));
        }
    }
}
