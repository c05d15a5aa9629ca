package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;

/**
 * Drives the real counter window through a reception with two components, one from image files and one from the
 * simulated scanner, then reads the SQLite file and the receipt PDF.
 */
class ReceptionWindowTest {

    private static final String NAME = "Nguyễn Thị Hồng Nhung";

    @TempDir
    Path data;
    @TempDir
    Path images;

    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        window = CounterWindow.open(data, () -> List.of(
                Files.write(images.resolve("to-khai-1.png"), TestImages.png("Tờ khai trang 1")),
                Files.write(images.resolve("to-khai-2.jpg"), TestImages.page("Tờ khai trang 2", "jpg"))));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void receivesADossierWithTwoComponents() throws Exception {
        robot.clickOn("#newDossier");
        robot.clickOn("#fullName");
        robot.interact(() -> robot.lookup("#fullName").queryTextInputControl().setText(NAME));
        robot.clickOn("#idNumber").write("001190012345");
        robot.clickOn("#birthDate").write("02/04/1990");

        // Typed without diacritics, as clerks do.
        robot.clickOn("#procedureFilter").write("xac nhan tinh trang hon nhan").type(KeyCode.ENTER);
        ListView<?> procedures = robot.lookup("#procedureList").queryListView();
        assertThat(procedures.getItems()).hasSize(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#component-1-scan").tryQuery().isPresent());

        robot.clickOn("#component-0-import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pagesLabel(0).endsWith("2 trang"));
        robot.clickOn("#component-1-scan");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pagesLabel(1).endsWith("5 trang")
                && !robot.lookup("#receive").queryButton().isDisabled());

        // A thumbnail appears for every page as it arrives.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> thumbnails(1).size() == 5
                && thumbnails(1).stream().allMatch(t -> ((javafx.scene.image.ImageView) t).getImage() != null));
        assertThat(thumbnails(0)).hasSize(2);

        robot.clickOn("#receive");
        String code = CounterWindow.receivedCode(robot);
        assertThat(code).endsWith("-0001");

        // Ctrl+P: the receipt in the application's own preview (a counter PC may have no PDF viewer)
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#closePreview").tryQuery()
                .filter(button -> button.getScene().getWindow().isShowing()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Stage preview = (javafx.stage.Stage) robot.lookup("#closePreview").query().getScene().getWindow();
        assertThat(preview.getTitle()).contains("Giấy tiếp nhận hồ sơ", code);
        robot.clickOn("#closePreview");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable").queryTableView().getItems().size() == 1);

        // Ctrl+F searches from the keyboard, without diacritics; Esc clears the search and the list comes back
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#search").queryTextInputControl().isFocused()).isTrue();
        robot.write("khong co ai");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable").queryTableView().getItems().isEmpty());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable").queryTableView().getItems().size() == 1);

        String receiptId;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             PreparedStatement st = db.prepareStatement("""
                     SELECT d.applicant_name, d.receipt_content_id,
                            (SELECT COUNT(*) FROM pages p JOIN components c ON c.id = p.component_id
                              WHERE c.dossier_id = d.id AND c.position = 1),
                            (SELECT COUNT(*) FROM pages p JOIN components c ON c.id = p.component_id
                              WHERE c.dossier_id = d.id AND c.position = 2)
                     FROM dossiers d WHERE d.code = ?""")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("~1");   // sealed in the file (decision 1201)
                assertThat(vn.motcua.counter.TestCounter.opened(data, "applicant_name", rs.getString(1)))
                        .isEqualTo(NAME);
                receiptId = rs.getString(2);
                assertThat(rs.getInt(3)).isEqualTo(2);
                assertThat(rs.getInt(4)).isEqualTo(5);
            }
        }
        // the receipt names the clerk signed in, not the clerk.name setting
        assertThat(CounterWindow.storedPdfText(data, receiptId)).contains(code, NAME, WindowSignIn.DISPLAY_NAME)
                .doesNotContain(CounterWindow.CLERK);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aProcedureWithoutComponentsIsReceivedWithThePaperTheClerkNames() throws Exception {
        robot.clickOn("#newDossier");
        robot.interact(() -> robot.lookup("#fullName").queryTextInputControl().setText(NAME));
        robot.clickOn("#idNumber").write("001190012345");
        robot.clickOn("#procedureFilter").write("chung thuc di chuc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#noCatalogueComponents").queryLabeled().isVisible());
        assertThat(robot.lookup("#components").queryAs(javafx.scene.layout.VBox.class).getChildren()).isEmpty();

        // the catalogue gives no limit: the field is blank and the clerk types one, 0 (the same day) too
        assertThat(robot.lookup("#processingDays .text-field").queryTextInputControl().getText()).isEmpty();
        robot.clickOn("#processingDays .text-field").write("0");
        assertThat(robot.lookup("#appointment").queryLabeled().getText()).startsWith("Hẹn trả: 17:00");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        assertThat(robot.lookup("#otherComponent").queryTextInputControl().isFocused()).isTrue();
        robot.interact(() -> robot.lookup("#otherComponent").queryTextInputControl().setText("Bản di chúc"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#component-0-import").tryQuery().isPresent());
        assertThat(robot.lookup("#otherComponent").queryTextInputControl().getText()).isEmpty();

        robot.clickOn("#component-0-import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pagesLabel(0).endsWith("2 trang"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        String code = CounterWindow.receivedCode(robot);
        var saved = window.counter().dossiers()
                .dossier(vn.motcua.counter.domain.DossierCode.parse(code)).orElseThrow();
        assertThat(saved.procedureCode()).isEqualTo("2.001019");
        assertThat(saved.documents()).singleElement().satisfies(d -> {
            assertThat(d.component().name()).isEqualTo("Bản di chúc");
            assertThat(d.pages()).hasSize(2);
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void rotatesDeletesAndReordersPagesBeforeReception() throws Exception {
        robot.clickOn("#newDossier");
        robot.interact(() -> robot.lookup("#fullName").queryTextInputControl().setText(NAME));
        robot.clickOn("#idNumber").write("001190012345");
        robot.clickOn("#procedureFilter").write("xac nhan tinh trang hon nhan").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#component-1-scan").tryQuery().isPresent());
        robot.clickOn("#component-1-scan");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> contentIds(1).size() == 5
                && !robot.lookup("#receive").queryButton().isDisabled());
        List<String> scanned = contentIds(1);

        robot.clickOn("#component-1-page-0").type(KeyCode.R); // rotate the first page
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> contentIds(1).size() == 5
                && !contentIds(1).getFirst().equals(scanned.getFirst())
                && !robot.lookup("#receive").queryButton().isDisabled());
        String rotated = contentIds(1).getFirst();
        robot.clickOn("#component-1-page-2").type(KeyCode.DELETE); // the third page goes
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> contentIds(1).size() == 4);
        assertThat(robot.lookup("#message").queryLabeled().getText()).isEqualTo("Đã xoá trang 3. Ctrl+Z để hoàn tác.");
        robot.clickOn("#component-1-page-3").press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
        List<String> expected = List.of(rotated, scanned.get(1), scanned.get(4), scanned.get(3));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> contentIds(1).equals(expected));
        assertThat(robot.lookup("#selectedPage").queryLabeled().getText()).isEqualTo("Trang 3/4:");

        robot.clickOn("#receive");
        CounterWindow.receivedCode(robot);
        List<String> saved = new java.util.ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             PreparedStatement st = db.prepareStatement("""
                     SELECT p.content_id FROM pages p JOIN components c ON c.id = p.component_id
                     WHERE c.position = 2 ORDER BY p.position""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                saved.add(rs.getString(1));
            }
        }
        assertThat(saved).containsExactlyElementsOf(expected);
        var before = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                vn.motcua.counter.TestCounter.stored(data, scanned.getFirst())));
        var after = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                vn.motcua.counter.TestCounter.stored(data, rotated)));
        assertThat(List.of(after.getWidth(), after.getHeight())).containsExactly(before.getHeight(), before.getWidth());
    }

    /** Read on the FX thread: the checklist rebuilds its thumbnails there, and a read in between would see none. */
    private List<String> contentIds(int component) {
        var ids = new java.util.concurrent.atomic.AtomicReference<List<String>>();
        robot.interact(() -> ids.set(thumbnails(component).stream().map(t -> (String) t.getUserData()).toList()));
        return ids.get();
    }


    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aCardQrTypedByAReaderFillsTheApplicant() throws Exception {
        robot.clickOn("#newDossier");
        robot.clickOn("#procedureFilter"); // the reader types into whatever has focus
        String qr = "001190012345|012345678|Nguyễn Thị Hồng Nhung|02041990|Nữ|Số 5 phố Hàng Bài, Hoàn Kiếm, Hà Nội|15082021";
        typeLikeAWedgeReader(qr);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "001190012345".equals(robot.lookup("#idNumber").queryTextInputControl().getText()));
        assertThat(robot.lookup("#fullName").queryTextInputControl().getText()).isEqualTo(NAME);
        assertThat(robot.lookup("#birthDate").queryTextInputControl().getText()).isEqualTo("02/04/1990");
        assertThat(robot.lookup("#address").queryTextInputControl().getText())
                .isEqualTo("Số 5 phố Hàng Bài, Hoàn Kiếm, Hà Nội");
        assertThat(robot.lookup("#sex").queryComboBox().getValue()).isEqualTo(vn.motcua.counter.domain.identity.Sex.FEMALE);
        // The burst was taken out of the field it landed in, and its Enter did not pick a procedure.
        assertThat(robot.lookup("#procedureFilter").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#components").queryAs(javafx.scene.layout.VBox.class).getChildren()).isEmpty();
        assertThat(robot.lookup("#message").queryLabeled().getText()).startsWith("Đã điền thông tin từ mã QR");
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void switchesToEnglishAndRemembersIt() throws Exception {
        assertThat(robot.lookup("#newDossier").queryButton().getText()).isEqualTo("Hồ sơ mới (Ctrl+N)");
        robot.interact(() -> robot.lookup("#language").queryComboBox().getSelectionModel().select(java.util.Locale.ENGLISH));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "New dossier (Ctrl+N)".equals(robot.lookup("#newDossier").queryButton().getText()));
        assertThat(robot.lookup("#todayTable").queryTableView().getColumns().getFirst().getText()).isEqualTo("Dossier code");
        assertThat(Files.readString(data.resolve("motcua.properties"))).contains("ui.language=en");
        assertThat(vn.motcua.counter.bootstrap.Settings.load().locale()).isEqualTo(java.util.Locale.ENGLISH);
    }

    /**
     * A 2D reader in keyboard mode sends key events a few milliseconds apart, faster than the robot can type, so the
     * events are sent to the focused control directly, as the operating system would deliver them, then Enter.
     */
    private void typeLikeAWedgeReader(String text) {
        robot.interact(() -> {
            var target = robot.lookup("#procedureFilter").query().getScene().getFocusOwner();
            text.codePoints().forEach(cp -> javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_TYPED, Character.toString(cp), "", KeyCode.UNDEFINED,
                    false, false, false, false)));
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    "", "", KeyCode.ENTER, false, false, false, false));
        });
    }

    private List<javafx.scene.Node> thumbnails(int component) {
        return robot.lookup("#component-" + component + "-thumbnails").queryAs(javafx.scene.layout.Pane.class)
                .getChildren();
    }

    private String pagesLabel(int component) {
        return robot.lookup("#component-" + component + "-pages").queryAs(Label.class).getText();
    }
}
