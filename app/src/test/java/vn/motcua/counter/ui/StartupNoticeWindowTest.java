package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A machine without Tesseract's Vietnamese model (here: a model folder without it) still opens the window on the
 * home list, and says above it what is missing and the one command that installs it.
 */
class StartupNoticeWindowTest {

    @TempDir
    Path data;
    @TempDir
    Path emptyModels;

    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("motcua.ocr.tessdata");
        if (window != null) {
            window.close();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aMissingVietnameseModelIsNamedWithItsInstallCommand() throws Exception {
        vn.motcua.counter.TestCounter.open(data, vn.motcua.counter.crash.SaveLoopClock.DAY).close(); // migrated
        System.setProperty("motcua.ocr.tessdata", emptyModels.toString());
        window = CounterWindow.open(data, List::of);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#startupNotice").queryAs(Label.class)
                .isVisible());
        String notice = robot.lookup("#startupNotice").queryAs(Label.class).getText();
        assertThat(notice).contains("Thiếu dữ liệu tiếng Việt của Tesseract",
                emptyModels.resolve("vie.traineddata").toString(), "sudo apt-get install tesseract-ocr-vie");
        assertThat(robot.lookup("#todayTable").tryQuery()).as("the home list is there to work with").isPresent();
    }
}
