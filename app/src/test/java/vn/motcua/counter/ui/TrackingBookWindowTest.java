package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;

/**
 * The tracking book (form 07) for a period the clerk picks on the report screen: one dossier received inside the
 * period and one after it; the book lists the first only, is kept with the counter's forms, written to the reports
 * folder and shown in the print preview.
 */
class TrackingBookWindowTest {

    @TempDir
    Path data;

    private String inside;
    private String after;
    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 3, 9, 0));
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            var first = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            inside = first.value();
            // returned with the citizen's rating, for the report's satisfaction figures
            counter.lifecycle().process(first, "", counter.profile());
            counter.lifecycle().resolve(first, "", counter.profile());
            counter.lifecycle().attachResult(first, "Giấy xác nhận", List.of(counter.reception().storePage(
                    vn.motcua.counter.TestImages.png("Giấy xác nhận"), vn.motcua.counter.domain.Page.PageSource.SCANNED)),
                    counter.profile());
            counter.lifecycle().returnResult(first, 1, counter.profile());
            clock.set(LocalDateTime.of(2026, 11, 12, 9, 0));
            after = counter.reception().receive(TestCounter.request(counter, 2), counter.profile())
                    .dossier().code().value();
        }
        window = CounterWindow.open(data, List::of);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void printsTheBookOfTheChosenPeriod() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reportFrom").tryQuery().isPresent());
        pickDate("#reportFrom", "01/11/2026");
        pickDate("#reportTo", "10/11/2026");

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL); // the shortcut on the button
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#closePreview").tryQuery()
                .filter(button -> button.getScene().getWindow().isShowing()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#previewPages").queryAs(VBox.class).getChildren()).hasSize(1);
        robot.clickOn("#closePreview");

        Path file = data.resolve("reports").resolve("so-theo-doi-2026-11-01-2026-11-10.pdf");
        assertThat(robot.lookup("#reportMessage").queryLabeled().getText())
                .isEqualTo("Đã lập sổ theo dõi hồ sơ (mẫu số 07): " + file);
        try (Connection db = SqlRows.open(data)) {
            List<List<String>> forms = SqlRows.rows(db, "SELECT period_from, period_to, issued_by, content_id "
                    + "FROM issued_forms WHERE form = 'TRACKING_BOOK'", null);
            assertThat(forms).hasSize(1);
            assertThat(forms.getFirst().subList(0, 3)).containsExactly("2026-11-01", "2026-11-10", WindowSignIn.DISPLAY_NAME);
            String id = forms.getFirst().get(3);
            assertThat(vn.motcua.counter.TestCounter.stored(data, id)).isEqualTo(Files.readAllBytes(file));
            assertThat(CounterWindow.storedPdfText(data, id)).contains("SỔ THEO DÕI HỒ SƠ", inside,
                    TestCounter.APPLICANT_NAME).doesNotContain(after);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theReportNamesRatingsAndCountsInWholeNumbersAndVietnameseDecimals() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reportFrom").tryQuery().isPresent());
        pickDate("#reportFrom", "01/11/2026");
        pickDate("#reportTo", "30/11/2026");
        robot.clickOn("#showReport");
        javafx.scene.control.TableView<?> table = robot.lookup("#reportFigures").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() > 12);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.lookup("#reportFigures .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(c -> c.getText()).filter(t -> t != null).toList();
        assertThat(shown).contains("Đánh giá “Hài lòng”", "100,0 %").doesNotContain("100.0", "Mức đánh giá 1");

        var progress = robot.lookup("#progressChart").queryAs(javafx.scene.chart.BarChart.class);
        var axis = (javafx.scene.chart.NumberAxis) progress.getYAxis();
        assertThat(axis.getTickUnit()).isEqualTo(1.0);
        assertThat(axis.getUpperBound()).isEqualTo(3.0); // 2 received: 0, 1, 2, 3
        var pie = robot.lookup("#satisfactionChart").queryAs(javafx.scene.chart.PieChart.class);
        assertThat(pie.getData()).extracting(javafx.scene.chart.PieChart.Data::getName).containsExactly("Hài lòng (1)");
    }

    /** Types the date into the picker's own field, as a clerk does, and commits it with Tab. */
    private void pickDate(String picker, String date) {
        robot.clickOn(picker + " .text-field");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(date).type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
