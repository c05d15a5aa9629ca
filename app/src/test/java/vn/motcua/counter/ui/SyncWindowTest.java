package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.SyncFailures;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.ui.sync.SyncLogViewModel;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;

/**
 * Sync as the clerk sees it in the real window, against the real hub on loopback over PostgreSQL: the indicator at the
 * foot says offline while the link is down and online again after "Đồng bộ ngay", with the last pull of the hub's
 * changes; Ctrl+J opens the sync log, where F12 sends the dossier that failed again; a click on the indicator opens it
 * too; once the hub revoked the counter, a notice says so at the foot of every screen.
 */
class SyncWindowTest {

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    private TestHub hub;
    private FaultProxy link;
    private CounterWindow window;
    private DossierCode sent;
    private DossierCode failed;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(hubData);
        link = new FaultProxy(hub.server.port(), 1);
        String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
        // as system properties too: the window's launcher reads them
        var settings = TestCounter.hubSettingsForCommands(data, link.uri().toString(), enrolment);
        try (CounterWiring counter = CounterWiring.open(settings, Clock.systemDefaultZone())) {
            TestCounter.awaitEnrolled(counter);
            sent = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            failed = counter.reception().receive(TestCounter.request(counter, 2), counter.profile()).dossier().code();
            counter.syncing().syncNow(Duration.ofSeconds(30));
            SyncFailures.failWithConflict(counter, data, failed);
        }
        window = CounterWindow.open(data, List::of);
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            window.close();
        }
        link.close();
        hub.close();
        TestCounter.clearHubProperties();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theIndicatorFollowsTheLinkAndTheSyncLogRetriesAFailedDossier() throws Exception {
        awaitText("#syncStatus", "Trực tuyến · 0 hồ sơ chờ gửi · 1 lỗi");

        link.down(true);
        CounterWiring counter = window.counter();
        DossierCode waiting = counter.reception().receive(TestCounter.request(counter, 3), counter.profile())
                .dossier().code();
        awaitText("#syncStatus", "Ngoại tuyến · 1 hồ sơ chờ gửi · 1 lỗi");
        robot.clickOn("#syncNow");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text("#syncLastPull")
                .matches("Cập nhật từ sở: không lấy được lúc \\d\\d:\\d\\d"));

        link.down(false);
        robot.clickOn("#syncNow");
        awaitText("#syncStatus", "Trực tuyến · 0 hồ sơ chờ gửi · 1 lỗi");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#syncLastPull")
                .matches("Cập nhật từ sở: \\d\\d:\\d\\d"));

        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#syncLogEntries").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<SyncLogViewModel.Row> table = robot.lookup("#syncLogEntries").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(r -> r.dossier().equals(waiting.value()) && r.kind().equals("Đã gửi")));
        assertThat(table.getItems()).extracting(r -> r.kind() + " | " + r.dossier())
                .contains("Gửi lỗi | " + failed.value(), "Đã gửi | " + failed.value(), "Đã gửi | " + sent.value(),
                        "Lỗi lấy cập nhật | ");
        // as on a 1366×768 screen less its task bar; the stage is shared by the window tests: its height goes back
        javafx.stage.Window stage = table.getScene().getWindow();
        double height = stage.getHeight();
        robot.interact(() -> stage.setHeight(728));
        try {
            WindowShots.save(robot, table, "sync-log.png");
        } finally {
            robot.interact(() -> stage.setHeight(height));
        }

        SyncFailures.mend(data, failed);
        SyncLogViewModel.Row failure = table.getItems().stream().filter(SyncLogViewModel.Row::retryable).findFirst()
                .orElseThrow();
        assertThat(failure.dossier()).isEqualTo(failed.value());
        robot.interact(() -> {
            table.getSelectionModel().select(failure);
            table.requestFocus();
        });
        robot.type(KeyCode.F12);
        // the newest sending; a pull may be listed above it (the counter pulls a moment after each delivery)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().stream()
                .filter(r -> r.kind().equals("Đã gửi")).findFirst()
                .filter(r -> r.dossier().equals(failed.value()) && r.detail().equals("Phiên bản 2 · qua mạng"))
                .isPresent());
        assertThat(table.getItems()).noneMatch(SyncLogViewModel.Row::retryable);
        awaitText("#syncStatus", "Trực tuyến · 0 hồ sơ chờ gửi · 0 lỗi");
        assertThat(hub.count("select count(*) from manifests where code = '" + failed.value() + "'")).isEqualTo(2);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#syncLogEntries").tryQuery().isEmpty());
        robot.clickOn("#syncStatus");   // the indicator opens the log too
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#syncLogEntries").tryQuery().isPresent());

        // IT staff at the hub revoke the counter: the next pull is refused and the window says so, data kept
        assertThat(robot.lookup("#syncRevoked").queryLabeled().isVisible()).isFalse();
        hub.hub.counters().revoke(TestCounter.AGENCY + "-1", "test");
        robot.clickOn("#syncNow");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#syncRevoked").queryLabeled().isVisible());
        assertThat(text("#syncRevoked")).isEqualTo("Dữ liệu vẫn giữ nguyên. Bộ phận CNTT cần cấp mã đăng ký mới.");
        awaitText("#syncStatus", "Máy chủ tỉnh đã thu hồi quầy này · 0 hồ sơ chờ gửi");
        assertThat(robot.lookup("#syncBar").query().getPseudoClassStates()).extracting(Object::toString)
                .contains("revoked");
        assertThat(robot.lookup("#syncDot").query().getStyle()).as("never shown online").contains("#9e9e9e");
        WindowShots.save(robot, robot.lookup("#syncBar").query(), "sync-revoked.png");
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private void awaitText(String id, String expected) throws java.util.concurrent.TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> expected.equals(text(id)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " says \"" + text(id) + "\", not \"" + expected + "\"", e);
        }
    }
}
