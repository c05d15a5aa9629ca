package vn.motcua.scanner.escl;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanJobState;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.Side;
import vn.motcua.scanner.simulator.escl.EsclSimulator;
import vn.motcua.scanner.simulator.escl.EsclSimulatorConfig;

/** The eSCL client against the project's simulator over real HTTP on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EsclDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ScanSettings FEEDER_100_GRAY =
            new ScanSettings(PaperSource.FEEDER, 100, ColorMode.GRAY, PaperSize.A4);

    private EsclSimulator simulator;
    private ScannerBridge bridge;
    private ScannerDevice device;

    @BeforeEach
    void start() throws Exception {
        simulator = EsclSimulator.startOnLoopback(EsclSimulatorConfig.defaults().withSheets(3));
        bridge = new ScannerBridge(List.of(EsclDriver.manual(List.of(simulator.baseUri()))));
        device = bridge.device("escl:" + simulator.baseUri());
    }

    @AfterEach
    void stop() {
        bridge.close();
        simulator.close();
    }

    @Test
    void discoversTheManualScannerAndReadsItsCapabilities() throws Exception {
        ScannerBridge.Discovery discovery = bridge.discover();

        assertThat(discovery.devices()).singleElement().satisfies(found -> {
            assertThat(found.id()).isEqualTo("escl:" + simulator.baseUri());
            assertThat(found.displayName()).isEqualTo("Motcua eSCL Simulator");
        });
        ScannerCapabilities capabilities = bridge.capabilities(device);
        assertThat(capabilities.sources())
                .containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.FEEDER, PaperSource.DUPLEX);
        assertThat(capabilities.colorModes()).containsExactlyInAnyOrder(ColorMode.values());
        assertThat(capabilities.resolutions()).containsExactly(100, 150, 200, 300, 600);
        assertThat(capabilities.maxWidthMm()).isCloseTo(215.9, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void feederBatchArrivesPageByPage() throws Exception {
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY.withDpi(200), listener).await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.COMPLETED);
        assertThat(listener.pageNumbers()).containsExactly(1, 2, 3);
        assertThat(listener.pages).allSatisfy(page -> {
            assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            // 210 mm is 2480 units of 1/300 inch on the wire, 1653.3 pixels at 200 dpi.
            assertThat(page.widthPixels()).isBetween(1653, 1654);
            assertThat(page.heightPixels()).isBetween(2338, 2339);
        });
    }

    @Test
    void duplexGivesBothSidesOfEachSheet() throws Exception {
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY.withSource(PaperSource.DUPLEX)
                .withColorMode(ColorMode.COLOR), listener).await(WAIT);

        assertThat(result.pages()).isEqualTo(6);
        assertThat(listener.pages).extracting(ScannedPage::side)
                .containsExactly(Side.FRONT, Side.BACK, Side.FRONT, Side.BACK, Side.FRONT, Side.BACK);
        assertThat(listener.pages.getFirst().image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void pagesThatAreNotReadyYetAreAskedForAgain() throws Exception {
        simulator.setConfig(EsclSimulatorConfig.defaults().withSheets(2).withNotReadyPerPage(2));
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY, listener).await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.COMPLETED);
        assertThat(result.pages()).isEqualTo(2);
    }

    @Test
    void aJamKeepsTheEarlierPagesAndIsReportedAsAJam() throws Exception {
        simulator.setConfig(EsclSimulatorConfig.defaults().withSheets(5).withJamAtPage(3));
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY, listener).await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.JAM);
        assertThat(listener.pageNumbers()).containsExactly(1, 2);
    }

    @Test
    void anEmptyFeederIsNoPaper() throws Exception {
        simulator.setConfig(EsclSimulatorConfig.defaults().withSheets(0));

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY, new RecordingListener()).await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.NO_PAPER);
    }

    @Test
    void flatbedLineArtComesAsOneBitPng() throws Exception {
        RecordingListener listener = new RecordingListener();

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY.withSource(PaperSource.FLATBED)
                .withColorMode(ColorMode.LINEART), listener).await(WAIT);

        assertThat(result.isCompleted()).isTrue();
        assertThat(listener.pages).singleElement()
                .satisfies(page -> assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY));
    }

    @Test
    void cancelDeletesTheJobOnTheScanner() throws Exception {
        simulator.setConfig(EsclSimulatorConfig.defaults().withSheets(20).withPageDelay(Duration.ofMillis(200)));
        RecordingListener listener = new RecordingListener();
        ScanJob job = bridge.scan(device, FEEDER_100_GRAY, listener);
        listener.awaitFirstPage();

        job.cancel();
        ScanResult result = job.await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.CANCELLED);
        assertThat(result.pages()).isBetween(1, 19);
        assertThat(get("ScannerStatus")).contains("<pwg:JobState>Canceled</pwg:JobState>")
                .contains("<pwg:State>Idle</pwg:State>");
    }

    @Test
    void aScannerBusyWithAnotherComputersJobIsBusy() throws Exception {
        HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(simulator.baseUri() + "/ScanJobs"))
                .POST(HttpRequest.BodyPublishers.ofString(EsclScanRequest.xml(FEEDER_100_GRAY, "image/jpeg")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(201);

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY, new RecordingListener()).await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.BUSY);
    }

    @Test
    void aStoppedScannerIsOffline() throws Exception {
        simulator.close();

        ScanResult result = bridge.scan(device, FEEDER_100_GRAY, new RecordingListener()).await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.OFFLINE);
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/" + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
