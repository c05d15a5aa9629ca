package vn.motcua.counter.ui.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.adapters.images.ImageIoPageImages;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.ScanService;
import vn.motcua.counter.application.Scanners;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.simulator.demo.SimulatedScannerDriver;
import vn.motcua.scanner.simulator.demo.SimulatedScannerOptions;

/** Page tools, the scan profile and scan errors of the checklist, without a window, on a real counter. */
class ChecklistModelTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    private CounterWiring counter;
    private final SimulatedScannerDriver scanner =
            new SimulatedScannerDriver(SimulatedScannerOptions.demo().withPageDelay(Duration.ZERO));
    private ScannerBridge bridge;
    private NewDossierViewModel model;
    private ChecklistModel checklist;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        // The counter's own services, but a simulated scanner this test can make jam.
        bridge = new ScannerBridge(List.of(scanner));
        ScanService scanning = new ScanService(new Scanners(bridge, Optional.empty()), counter.reception(),
                new ImageIoPageImages());
        model = new NewDossierViewModel(counter.reception(), scanning, counter.cardReader(),
                counter.catalogue().procedures(), counter.profile(), Messages.of(Locale.forLanguageTag("vi-VN")),
                new UiExecutors(Runnable::run, Runnable::run));
        checklist = model.checklist();
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
    }

    @AfterEach
    void close() {
        bridge.close();
        counter.close();
    }

    @Test
    void movesRotatesDeletesAndUndoesOnTheSelectedPage() throws Exception {
        ComponentItem item = model.components().getFirst();
        model.addImages(item, List.of(page("a"), page("b"), page("c")));
        List<Page> original = List.copyOf(item.pages());

        checklist.select(item, 1);
        checklist.moveSelected(-1);
        assertThat(item.pages()).containsExactly(original.get(1), original.get(0), original.get(2));
        assertThat(checklist.selectedPageProperty().get()).isZero();
        checklist.moveSelected(-1); // already first: nothing moves
        assertThat(item.pages().getFirst()).isEqualTo(original.get(1));

        checklist.rotateSelected();
        Page rotated = item.pages().getFirst();
        assertThat(rotated.contentId()).isNotEqualTo(original.get(1).contentId());
        BufferedImage before = image(original.get(1));
        BufferedImage after = image(rotated);
        assertThat(after.getWidth()).isEqualTo(before.getHeight());
        assertThat(after.getHeight()).isEqualTo(before.getWidth());
        // a quarter clockwise: the old top-left pixel is now top-right
        assertThat(after.getRGB(after.getWidth() - 1, 0)).isEqualTo(before.getRGB(0, 0));
        assertThat(after.getRGB(0, 0)).isEqualTo(before.getRGB(0, before.getHeight() - 1));

        checklist.selectNeighbour(5);
        assertThat(checklist.selectedPageProperty().get()).isEqualTo(2); // clamped to the last page
        checklist.deleteSelected();
        assertThat(item.pages()).containsExactly(rotated, original.get(0));
        assertThat(model.messageProperty().get()).isEqualTo("Đã xoá trang 3. Ctrl+Z để hoàn tác.");
        assertThat(checklist.selectedPageProperty().get()).isEqualTo(1);
        assertThat(checklist.canUndoProperty().get()).isTrue();
        checklist.undoDelete();
        assertThat(item.pages()).containsExactly(rotated, original.get(0), original.get(2));
        assertThat(checklist.canUndoProperty().get()).isFalse();
        checklist.undoDelete(); // only once
        assertThat(item.pages()).hasSize(3);
    }

    @Test
    void scansWithTheCounterProfileAndTheClerksChoice() throws Exception {
        assertThat(counter.scanProfile())
                .isEqualTo(new ScanSettings(PaperSource.FEEDER, 200, ColorMode.COLOR, PaperSize.A4));
        checklist.useScanProfile(counter.scanProfile());
        ComponentItem item = model.components().getFirst();
        model.scan(item);
        assertThat(item.pages()).hasSize(5); // the feeder's five sheets

        checklist.sourceProperty().set(PaperSource.FLATBED);
        checklist.dpiProperty().set(300);
        checklist.modeProperty().set(ColorMode.GRAY);
        ComponentItem second = model.components().get(1);
        model.scan(second);
        assertThat(second.pages()).hasSize(1); // one sheet on the glass
        BufferedImage grey = image(second.pages().getFirst());
        assertThat(grey.getColorModel().getNumComponents()).isEqualTo(1);
        assertThat(grey.getWidth()).isBetween(2450, 2500); // A4 at 300 dpi
    }

    @Test
    void aJamKeepsTheDeliveredPagesSaysWhatToDoAndContinues() {
        scanner.setOptions(scanner.options().withJamAtPage(3));
        ComponentItem item = model.components().getFirst();
        model.scan(item);
        assertThat(item.pages()).hasSize(2);
        assertThat(checklist.scanProblemProperty().get()).startsWith("Kẹt giấy").contains("Tiếp tục", "2 trang");
        assertThat(checklist.canContinueProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();

        scanner.setOptions(scanner.options().withJamAtPage(0));
        checklist.continueScan();
        assertThat(item.pages()).hasSize(7); // appended after the two kept pages
        assertThat(checklist.scanProblemProperty().get()).isEmpty();
        assertThat(checklist.canContinueProperty().get()).isFalse();
    }

    @Test
    void aRescanReplacesTheSelectedPageInItsPlace() throws Exception {
        ComponentItem item = model.components().getFirst();
        model.addImages(item, List.of(page("a"), page("b"), page("c")));
        List<Page> original = List.copyOf(item.pages());
        checklist.sourceProperty().set(PaperSource.FLATBED);
        checklist.select(item, 1);
        checklist.rescanSelected();
        assertThat(item.pages()).hasSize(3);
        assertThat(item.pages().get(0)).isEqualTo(original.get(0));
        assertThat(item.pages().get(1).source()).isEqualTo(Page.PageSource.SCANNED);
        assertThat(item.pages().get(2)).isEqualTo(original.get(2));
    }

    @Test
    void aWrongScanSettingIsExplained(@TempDir Path other) {
        try (CounterWiring wrong = CounterWiring.open(Settings.of(Map.of(Settings.DATA_DIR, other.toString(),
                Settings.SCAN_DPI, "nhiều")), SaveLoopClock.DAY)) {
            assertThatThrownBy(wrong::scanProfile).isInstanceOf(CounterException.class)
                    .satisfies(e -> assertThat(Messages.of(Locale.forLanguageTag("vi-VN")).describe(e))
                            .contains("scan.dpi=nhiều"));
        }
    }

    private Path page(String text) throws Exception {
        return Files.write(files.resolve(text + ".png"), TestImages.png("Trang " + text));
    }

    private BufferedImage image(Page page) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(counter.contents().read(page.contentId())));
    }
}
