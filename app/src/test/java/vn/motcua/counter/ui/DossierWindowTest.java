package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;

/**
 * Drives the real window through the dossier screen: a supplement request (form 02 with the print preview) and the
 * return of a result with a satisfaction rating, then reads the SQLite file and the produced PDFs.
 */
class DossierWindowTest {

    private static final String CLERK = WindowSignIn.DISPLAY_NAME;   // the clerk signed in (display name), not clerk.name

    @TempDir
    Path data;
    @TempDir
    Path images;

    private CounterWindow window;
    private CounterApplication application;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        window = CounterWindow.open(data, () -> List.of(Files.write(images.resolve("ket-qua.png"),
                TestImages.png("Giấy xác nhận tình trạng hôn nhân"))));
        application = window.application();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    /** Receives a dossier through the service, then opens it from the home list with a double-click. */
    private String openReceivedDossier() throws Exception {
        CounterWiring counter = window.counter();
        String code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                .dossier().code().value();
        robot.clickOn("Làm mới (F5)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable").queryTableView().getItems().size() == 1);
        robot.doubleClickOn(robot.lookup("#todayTable .table-row-cell").<Node>query());
        waitForStatus("Được tiếp nhận");
        return code;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void requestsASupplementAndPreviewsForm02() throws Exception {
        String code = openReceivedDossier();
        robot.interact(() -> {
            robot.lookup("#supplementItems").queryTextInputControl()
                    .setText("Giấy khai sinh; 1; chứng thực\nSổ hộ khẩu; 2; photo");
            robot.lookup("#reason").queryTextInputControl().setText("Thiếu giấy tờ chứng minh nơi cư trú.");
        });
        robot.clickOn("#reason").type(KeyCode.F2);  // the shortcut printed on the button

        waitForPreview();
        assertThat(robot.lookup("#previewPages").queryAs(VBox.class).getChildren()).hasSize(1);
        robot.clickOn("#closePreview");
        waitForStatus("Yêu cầu bổ sung");
        assertThat(robot.lookup("#history").queryListView().getItems()).hasSize(2);

        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, "SELECT status FROM dossiers WHERE code = ?", code)).containsExactly(List.of("5"));
            assertThat(SqlRows.rows(db, "SELECT e.kind, e.actor, e.from_status, e.to_status, e.reason FROM dossier_events e "
                    + "JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = ? ORDER BY e.id DESC LIMIT 1", code).stream()
                    .map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3),
                            TestCounter.opened(data, "dossier_events.reason", r.get(4))))   // sealed (V17)
                    .toList())
                    .containsExactly(List.of("SUPPLEMENT_REQUESTED", CLERK, "2", "5",
                            "Thiếu giấy tờ chứng minh nơi cư trú."));
            List<String> form = SqlRows.rows(db, "SELECT f.number, f.content_id FROM issued_forms f JOIN dossiers d "
                    + "ON d.id = f.dossier_id WHERE d.code = ? AND f.form = 'SUPPLEMENT_REQUEST'", code).getFirst();
            assertThat(form.getFirst()).isEqualTo("1/HDHS");
            assertThat(pdfText(form.get(1))).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Số: 1/HDHS", code,
                    TestCounter.APPLICANT_NAME, "Giấy khai sinh", "Bản chứng thực", "Sổ hộ khẩu", "Bản photo",
                    "Thiếu giấy tờ chứng minh nơi cư trú.", CLERK);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void returnsTheResultWithARating() throws Exception {
        String code = openReceivedDossier();
        // the whole summary shows: applicant, procedure, reception and appointment
        String summary = robot.lookup("#detailSummary").queryLabeled().getText();
        assertThat(summary).contains(TestCounter.APPLICANT_NAME, "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
                "Hẹn trả:");
        javafx.scene.control.Label shown = robot.lookup("#detailSummary").queryAs(javafx.scene.control.Label.class);
        assertThat(shown.getHeight()).as("three lines, not one cut to …")
                .isGreaterThanOrEqualTo(shown.prefHeight(shown.getWidth()) - 0.5);

        robot.clickOn("#process");
        waitForStatus("Đang xử lý");
        // F6 with a new date: once done, the date and the reason leave their fields
        robot.interact(() -> {
            robot.lookup("#newAppointment").queryTextInputControl().setText("15:00 15/12/2027");
            robot.lookup("#reason").queryTextInputControl().setText("Chờ xác minh tại nơi cư trú");
        });
        robot.clickOn("#reason").type(KeyCode.F6);
        waitForPreview();
        robot.clickOn("#closePreview");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#newAppointment").queryTextInputControl().getText().isEmpty());
        assertThat(robot.lookup("#reason").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#detailSummary").queryLabeled().getText()).contains("15:00 15/12/2027 (hẹn lại");
        assertThat(robot.lookup("#returnResult").queryButton().isDisabled()).isTrue();
        robot.clickOn("#resolve");
        waitForStatus("Đã xử lý xong");

        robot.interact(() -> robot.lookup("#resultName").queryTextInputControl()
                .setText("Giấy xác nhận tình trạng hôn nhân"));
        robot.clickOn("#attachResult");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#resultCount").queryLabeled().getText().contains("1 trang"));
        robot.clickOn("#returnResult");  // no rating chosen yet: refused
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#detailMessage").queryLabeled().getText().contains("mức độ hài lòng"));
        robot.clickOn("#rating-2");
        robot.clickOn("#returnResult");
        waitForStatus("Đã trả kết quả");
        assertThat(robot.lookup("#refuse").queryButton().isDisabled()).isTrue();
        // returned: the rating shows, nothing takes input any more, and the history reads as sentences
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#detailSummary").queryLabeled().getText().contains("Người dân đánh giá: Bình thường"));
        assertThat(robot.lookup("#rating-2").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        for (String field : List.of("#rating-1", "#rating-2", "#reason", "#newAppointment", "#supplementItems",
                "#resultName")) {
            assertThat(robot.lookup(field).query().isDisabled()).as(field).isTrue();
        }
        List<String> history = robot.lookup("#history").queryListView().getItems().stream().map(String::valueOf).toList();
        assertThat(history).allSatisfy(entry -> assertThat(entry).doesNotContain("status=", "receipt=", "rating=", "->"));
        assertThat(history.getLast()).endsWith("người dân đánh giá \"Bình thường\".");

        robot.clickOn("#controlSlip");
        waitForPreview();
        robot.clickOn("#closePreview");

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL); // form 01 again, as issued
        waitForPreview();
        assertThat(((javafx.stage.Stage) robot.lookup("#closePreview").query().getScene().getWindow()).getTitle())
                .contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + code);
        robot.clickOn("#closePreview");

        try (Connection db = SqlRows.open(data)) {
            List<String> dossier = SqlRows.rows(db, "SELECT status, rating_level, rating_label, rating_scale, "
                    + "returned_at IS NOT NULL FROM dossiers WHERE code = ?", code).getFirst();
            assertThat(dossier).containsExactly("10", "2", "Bình thường", "3", "1");
            assertThat(SqlRows.rows(db, "SELECT e.kind, e.actor FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id "
                    + "WHERE d.code = ? ORDER BY e.id", code)).containsExactly(List.of("RECEIVED", CLERK),
                    List.of("PROCESSING", CLERK), List.of("APOLOGY", CLERK), List.of("RESOLVED", CLERK),
                    List.of("RESULT_ATTACHED", CLERK),
                    List.of("RETURNED", CLERK));
            assertThat(SqlRows.rows(db, "SELECT r.name, r.attached_by FROM result_documents r JOIN dossiers d "
                    + "ON d.id = r.dossier_id WHERE d.code = ?", code).stream()
                    .map(r -> List.of(TestCounter.opened(data, "result_documents.name", r.get(0)), r.get(1))).toList())
                    .containsExactly(List.of("Giấy xác nhận tình trạng hôn nhân", CLERK));
            String slip = SqlRows.rows(db, "SELECT f.content_id FROM issued_forms f JOIN dossiers d ON d.id = f.dossier_id "
                    + "WHERE d.code = ? AND f.form = 'CONTROL_SLIP'", code).getFirst().getFirst();
            assertThat(pdfText(slip)).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code,
                    "Trả kết quả cho công dân", "Mức độ hài lòng của người dân: Bình thường (2/3)", "Trước hạn");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void enterInTheSearchOpensTheDossierFoundAndDownReachesTheResults() throws Exception {
        CounterWiring counter = window.counter();
        counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        String second = counter.reception().receive(TestCounter.request(counter, 2), counter.profile())
                .dossier().code().value();
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write(second.substring(second.length() - 11)).type(KeyCode.ENTER); // YYMMDD-NNNN, then at once Enter
        waitForStatus("Được tiếp nhận");
        assertThat(robot.lookup(".title-3").queryLabeled().getText()).contains(second);
        assertThat(robot.lookup("#newDossier").tryQuery()).as("not the new-dossier form").isEmpty();

        robot.type(KeyCode.ESCAPE); // back to the list from the keyboard
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#search").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("hong nhung");
        javafx.scene.control.TableView<?> table = robot.lookup("#todayTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2
                && robot.lookup("#summary").queryLabeled().getText().contains("hong nhung"));
        robot.type(KeyCode.DOWN);
        assertThat(table.isFocused()).isTrue();
        assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitForStatus("Được tiếp nhận");
        assertThat(robot.lookup(".title-3").queryLabeled().getText()).doesNotContain(second); // the older one
    }

    private void waitForPreview() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#closePreview").tryQuery()
                .filter(button -> button.getScene().getWindow().isShowing()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForStatus(String status) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#detailStatus").tryQuery().isPresent()
                        && status.equals(robot.lookup("#detailStatus").queryLabeled().getText()));
    }

    private String pdfText(String contentId) throws Exception {
        return CounterWindow.storedPdfText(data, contentId);
    }
}
