package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.scanner.simulator.demo.SimulatedScannerDriver;
import vn.motcua.scanner.simulator.demo.SimulatedScannerOptions;

/**
 * Scanning from the component checklist of the real window with the counter's own simulated scanner: a jam on
 * demand mid-batch, and a scan profile the scanner cannot do. Reads the content store and the SQLite file.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ScanningWindowTest {

    /** The checklist row of the marital-status certificate procedure that takes scans in these tests. */
    private static final int COMPONENT = 1;

    @TempDir
    Path data;

    private CounterWindow window;
    private SimulatedScannerDriver scanner;
    private final FxRobot robot = new FxRobot();

    /** Opens the counter with the simulator as its scan profile's device and the given extra settings. */
    private void open(String... keyValues) throws Exception {
        System.setProperty("motcua.scanner.device", "simulated:demo");
        System.setProperty("motcua.scanner.mdns", "false");
        for (int i = 0; i < keyValues.length; i += 2) {
            System.setProperty("motcua." + keyValues[i], keyValues[i + 1]);
        }
        window = CounterWindow.open(data, List::of);
        scanner = window.counter().scannerBridge().driver(SimulatedScannerDriver.class).orElseThrow();
        scanner.setOptions(SimulatedScannerOptions.demo().withPageDelay(Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            window.close();
        }
        for (String key : List.of("scanner.device", "scanner.mdns", "scan.dpi")) {
            System.clearProperty("motcua." + key);
        }
    }

    @Test
    void aJamKeepsTheEarlierPagesSaysWhatToDoAndContinueAddsTheRest() throws Exception {
        open();
        scanner.setOptions(scanner.options().withJamAtPage(3));
        startDossier();

        robot.clickOn("#component-" + COMPONENT + "-scan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#scanProblem").isEmpty()
                && !robot.lookup("#receive").queryButton().isDisabled());

        assertThat(text("#scanProblem")).startsWith("Kẹt giấy: gỡ giấy rồi bấm Tiếp tục").contains("Đã giữ 2 trang");
        assertThat(robot.lookup("#scanContinue").queryButton().isVisible()).isTrue();
        List<String> beforeJam = contentIds();
        assertThat(beforeJam).hasSize(2);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> thumbnailsShown(2));
        assertThat(beforeJam).allSatisfy(id -> assertThat(stored(id)).isRegularFile());

        // The clerk clears the jam and puts the three sheets not yet scanned back in the feeder.
        scanner.setOptions(scanner.options().withJamAtPage(0).withSheets(3));
        robot.clickOn("#scanContinue");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> contentIds().size() == 5
                && text("#scanProblem").isEmpty() && !robot.lookup("#receive").queryButton().isDisabled());
        List<String> all = contentIds();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> thumbnailsShown(5));
        assertThat(all.subList(0, 2)).as("the pages from before the jam stay first").isEqualTo(beforeJam);
        assertThat(robot.lookup("#scanContinue").queryButton().isVisible()).isFalse();

        robot.clickOn("#receive");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> text("#notice").startsWith("Đã tiếp nhận hồ sơ"));
        assertThat(savedPages()).containsExactlyElementsOf(all);
    }

    @Test
    void aProfileTheScannerCannotDoIsRefusedBeforeAnythingIsScanned() throws Exception {
        open("scan.dpi", "400");
        startDossier();

        robot.clickOn("#component-" + COMPONENT + "-scan");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#message").contains("400 dpi"));

        assertThat(text("#message")).isEqualTo("Máy quét đang dùng (Máy quét mô phỏng (khay nạp, hai mặt)) không"
                + " quét được 400 dpi, chỉ có 100, 150, 200, 300, 600 dpi. Chọn độ phân giải khác rồi bấm Quét.");
        assertThat(thumbnails()).isEmpty();
        assertThat(text("#scanProblem")).isEmpty();
        Path contents = data.resolve(CounterWiring.CONTENT_FOLDER);
        try (var files = Files.walk(contents)) {
            assertThat(files.filter(Files::isRegularFile)   // content files only: not the store's .sealed marker
                    .filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))).as("nothing was scanned or stored")
                    .isEmpty();
        }

        // Choosing a resolution the scanner has lets the same scan run.
        robot.interact(() -> robot.lookup("#scanDpi").queryComboBox().getSelectionModel().select(Integer.valueOf(300)));
        robot.clickOn("#component-" + COMPONENT + "-scan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> contentIds().size() == 5
                && !robot.lookup("#receive").queryButton().isDisabled());
        assertThat(text("#message")).doesNotContain("400 dpi");
    }

    private void startDossier() throws Exception {
        robot.clickOn("#newDossier");
        robot.interact(() -> robot.lookup("#fullName").queryTextInputControl().setText("Nguyễn Thị Hồng Nhung"));
        robot.clickOn("#idNumber").write("001190012345");
        robot.clickOn("#procedureFilter").write("xac nhan tinh trang hon nhan").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#component-" + COMPONENT + "-scan").tryQuery().isPresent());
    }

    private String text(String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private List<Node> thumbnails() {
        return robot.lookup("#component-" + COMPONENT + "-thumbnails").queryAs(Pane.class).getChildren();
    }

    /** Whether the component shows this many thumbnails, each with its picture (made in the background). */
    private boolean thumbnailsShown(int count) {
        AtomicReference<Boolean> shown = new AtomicReference<>();
        robot.interact(() -> shown.set(thumbnails().size() == count
                && thumbnails().stream().allMatch(t -> ((ImageView) t).getImage() != null)));
        return shown.get();
    }

    /** Read on the FX thread: the checklist rebuilds its thumbnails there, and a read in between would see none. */
    private List<String> contentIds() {
        AtomicReference<List<String>> ids = new AtomicReference<>();
        robot.interact(() -> ids.set(thumbnails().stream().map(t -> (String) t.getUserData()).toList()));
        return ids.get();
    }

    private Path stored(String contentId) {
        return vn.motcua.counter.TestCounter.storedFile(data, contentId);
    }

    private List<String> savedPages() throws Exception {
        List<String> saved = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             PreparedStatement st = db.prepareStatement("""
                     SELECT p.content_id FROM pages p JOIN components c ON c.id = p.component_id
                     WHERE c.position = ? ORDER BY p.position""")) {
            st.setInt(1, COMPONENT + 1);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    saved.add(rs.getString(1));
                }
            }
        }
        return saved;
    }
}
