package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.MovableClock;

/**
 * The idle lock in the real window (decision 1301): after {@code access.idle_lock_minutes} on the counter's clock
 * (moved by the test, not waited for) the work is covered; keys do not reach it; a wrong password keeps it covered;
 * the clerk's password uncovers the same form with what was typed in it.
 */
class IdleLockWindowTest {

    @TempDir
    Path data;

    private final LocalDateTime start = LocalDateTime.of(2026, 12, 7, 9, 0);
    private final MovableClock clock = new MovableClock(start);
    private final FxRobot robot = new FxRobot();
    private CounterWindow window;

    @BeforeEach
    void open() throws Exception {
        System.setProperty("motcua.access.idle_lock_minutes", "5");
        window = CounterWindow.open(data, List::of, clock);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        System.clearProperty("motcua.access.idle_lock_minutes");
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theWindowLocksWhenIdleAndTheSameClerkGetsTheSameFormBack() throws Exception {
        assertThat(robot.lookup("#signedIn").queryLabeled().getText()).startsWith(WindowSignIn.DISPLAY_NAME)
                .contains("(" + WindowSignIn.ADMIN + ")");
        robot.push(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fullName").tryQuery()
                .map(IdleLockWindowTest::shown).orElse(false));
        TextField name = robot.lookup("#fullName").queryAs(TextField.class);
        robot.clickOn(name).write("Nguyen Van Khoa");
        assertThat(name.getText()).isEqualTo("Nguyen Van Khoa");

        clock.set(start.plusMinutes(4));
        Thread.sleep(1_500);   // two ticks of the window's idle check: not yet
        assertThat(robot.lookup("#lockScreen").query().isVisible()).isFalse();

        clock.set(start.plusMinutes(5).plusSeconds(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lockScreen").query().isVisible());
        assertThat(shown(name)).as("the form is covered, not shown").isFalse();
        assertThat(name.getScene()).as("but still there").isNotNull();

        robot.write("XYZ");   // into the unlock field, never into the covered form
        assertThat(name.getText()).isEqualTo("Nguyen Van Khoa");
        robot.type(KeyCode.ENTER);   // wrong password "XYZ"
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#unlockMessage").queryAs(Label.class)
                .getText().isEmpty());
        assertThat(robot.lookup("#unlockMessage").queryAs(Label.class).getText())
                .contains("Tên đăng nhập hoặc mật khẩu không đúng");
        assertThat(robot.lookup("#lockScreen").query().isVisible()).isTrue();
        WindowShots.save(robot, robot.lookup("#unlock").query(), "idle-lock.png");

        robot.clickOn("#unlockPassword").write(WindowSignIn.PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#lockScreen").query().isVisible());
        assertThat(shown(name)).as("the same form, shown again").isTrue();
        assertThat(name.getText()).isEqualTo("Nguyen Van Khoa");
        assertThat(robot.lookup("#fullName").queryAs(TextField.class)).isSameAs(name);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, name::isFocused);   // the keyboard is back in the form
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(" B");
        assertThat(name.getText()).isEqualTo("Nguyen Van Khoa B");
    }
}
