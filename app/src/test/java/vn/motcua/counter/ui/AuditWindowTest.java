package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.ui.audit.AuditViewModel;

/**
 * The supervisor's audit screen in the real window: Ctrl+L from home lists the access log (two dossiers received and
 * one viewed earlier, and the views the window itself records), a dossier code filters it, the integrity check says
 * the chain is intact, Esc goes back home.
 */
class AuditWindowTest {

    @TempDir
    Path data;

    private String first;
    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        // recent enough for the screen's default period (the last 30 days)
        MovableClock clock = new MovableClock(LocalDateTime.now().minusHours(1));
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            var code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            first = code.value();
            counter.reception().receive(TestCounter.request(counter, 2), counter.profile());
            counter.lifecycle().dossier(code);
        }
        window = CounterWindow.open(data, List::of);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void listsFiltersAndVerifiesTheLogFromTheKeyboard() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#openReport").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#auditEntries").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<AuditViewModel.Row> table = robot.lookup("#auditEntries").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertThat(table.getItems()).extracting(AuditViewModel.Row::action)
                .containsExactly("Xem", "Tiếp nhận", "Tiếp nhận");   // newest first
        assertThat(table.getItems().getFirst().dossier()).isEqualTo(first);
        assertThat(table.getItems().getFirst().actor()).isEqualTo(System.getProperty("user.name"));

        robot.clickOn("#auditDossier").write(first).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(table.getItems()).allSatisfy(row -> assertThat(row.dossier()).isEqualTo(first));
        assertThat(robot.lookup("#auditMessage").queryLabeled().getText()).isEqualTo("2 mục");

        robot.clickOn("#verifyAudit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#auditMessage").queryLabeled().getText()
                .startsWith("Nhật ký truy cập nguyên vẹn"));
        assertThat(robot.lookup("#auditMessage").queryLabeled().getText())
                .isEqualTo("Nhật ký truy cập nguyên vẹn: 3 mục.");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#auditEntries").tryQuery().isEmpty());
    }
}
