package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.application.ScannedForms;
import vn.motcua.counter.PipelineCounts;
import vn.motcua.counter.domain.ElectronicCopy;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;

/**
 * The window's OCR status bar with background OCR really running (one Tesseract worker, two generated 200-dpi
 * forms): the clerk sees the pages counted, can pause and resume, and the bar ends at "done" once the component's
 * PDF/A copy is in the store.
 */
class CaptureProgressWindowTest {

    private static final long OCR_WAIT_S = 180;

    @TempDir
    Path data;

    private CounterWindow window;
    private final FxRobot robot = new FxRobot();
    /** Every text the status bar showed, in order. */
    private final List<String> shown = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        System.setProperty("motcua.ocr.workers", "1"); // TestCounter's tests turn OCR off; this one needs it
        window = CounterWindow.open(data, List::of);
        robot.interact(() -> robot.lookup("#captureStatus").queryLabeled().textProperty()
                .addListener((obs, old, now) -> shown.add(now)));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        System.clearProperty("motcua.ocr.workers");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void showsPagesReadPausesResumesAndEndsWithTheCopyMade() throws Exception {
        CounterWiring counter = window.counter();
        waitForStatus("Bản điện tử: đã hoàn tất", 10);

        Dossier dossier = counter.reception().receive(ScannedForms.request(counter, 2), counter.profile()).dossier();
        DossierCode code = dossier.code();
        waitForStatus("Đang nhận dạng chữ: 0/2 trang", 10);
        assertThat(robot.lookup("#captureProgress").queryAs(ProgressBar.class).isVisible()).isTrue();

        robot.clickOn("#capturePause");
        waitForStatus("Đã tạm dừng nhận dạng chữ:", 10);
        assertThat(robot.lookup("#capturePause").queryButton().getText()).isEqualTo("Tiếp tục");
        Thread.sleep(1_000); // a page whose text came back just before the click may still be saved
        int doneWhilePaused = PipelineCounts.of(counter).pagesDone();
        Thread.sleep(6_000); // longer than one page's clean-up and OCR here
        assertThat(PipelineCounts.of(counter).pagesDone()).as("no page read while paused")
                .isEqualTo(doneWhilePaused);
        assertThat(PipelineCounts.of(counter).pagesToRead()).isEqualTo(2 - doneWhilePaused);

        // the dossier's own screen, opened while paused, says how far its pages are read
        robot.clickOn("Làm mới (F5)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable").queryTableView().getItems().size() == 1);
        robot.doubleClickOn(robot.lookup("#todayTable .table-row-cell").<Node>query());
        String component = dossier.documents().getFirst().component().name();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#electronicCopies").queryLabeled()
                .getText().equals("1. Đang nhận dạng chữ " + doneWhilePaused + "/2 trang — " + component));

        // resumed from the status bar under the dossier screen: its copy line follows without a refresh
        robot.clickOn("#capturePause");
        waitForStatus("Bản điện tử: đã hoàn tất", OCR_WAIT_S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#electronicCopies").queryLabeled()
                .getText().equals("1. Đã có bản điện tử (2 trang) — " + component)); // the second has no pages

        assertThat(shown).contains("Đang nhận dạng chữ: 1/2 trang");
        assertThat(shown.indexOf("Đang nhận dạng chữ: 1/2 trang"))
                .isLessThan(shown.lastIndexOf("Bản điện tử: đã hoàn tất"));
        assertThat(robot.lookup("#captureProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#capturePause").queryButton().isVisible()).isFalse();
        List<ElectronicCopy> copies = counter.copies().of(code).stream().map(w -> w.copy()).toList();
        assertThat(copies).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(ElectronicCopy.State.MADE));
        assertThat(counter.contents().verify(copies.getFirst().pdfContentId())).isTrue();
        assertThat(PipelineCounts.of(counter)).isEqualTo(new PipelineCounts(0, 2, 0, 0, 0));
    }

    private void waitForStatus(String prefix, long seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> robot.lookup("#captureStatus").queryLabeled().getText().startsWith(prefix));
    }
}
