package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's first screen (decision 1301), typed as a clerk types it: the first administrator on a new data
 * folder (with the full name printed on papers), then signing in after a restart, and a provisioned one-time password replaced at the first sign-in.
 */
class SignInWindowTest {

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private CounterWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
        System.clearProperty("motcua.access.admin.name");
        System.clearProperty("motcua.access.admin.password");
    }

    private String message() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#signInMessage").queryAs(Label.class)
                .getText().isEmpty());
        return robot.lookup("#signInMessage").queryAs(Label.class).getText();
    }

    private void awaitHome() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#search").tryQuery().isPresent());
    }

    private boolean shown(String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private void assertLabelled(String labelId, String text, String fieldId) {
        Label label = robot.lookup(labelId).queryAs(Label.class);
        assertThat(label.isVisible()).as(labelId).isTrue();
        assertThat(label.getText()).isEqualTo("_" + text);   // the underscore marks Alt's letter; it is not shown
        assertThat(label.isMnemonicParsing()).isTrue();
        assertThat(label.getLabelFor()).isSameAs(robot.lookup(fieldId).query());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theFirstAdministratorIsMadeInTheWindowAndSignsInAfterARestart() throws Exception {
        window = CounterWindow.openAtSignIn(data);
        assertThat(shown("#accountRepeat")).as("first run: the password twice").isTrue();
        // each field has a visible label naming it, which stays while the field has the focus (a prompt does not)
        assertLabelled("#accountNameLabel", "Tên đăng nhập", "#accountName");
        assertLabelled("#accountPasswordLabel", "Mật khẩu", "#accountPassword");
        assertLabelled("#accountRepeatLabel", "Nhập lại mật khẩu", "#accountRepeat");
        assertLabelled("#accountDisplayNameLabel", "Họ và tên (in trên giấy tờ)", "#accountDisplayName");
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);   // Alt+N: the repeat field
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#accountRepeat").query().isFocused());
        robot.clickOn("#accountName").write("quantri");
        robot.clickOn("#accountPassword").write("mat-khau-dai-1");
        robot.clickOn("#accountRepeat").write("mat-khau-dai-2").type(KeyCode.ENTER);
        assertThat(message()).isEqualTo("Hai lần nhập mật khẩu không giống nhau.");
        WindowShots.save(robot, robot.lookup("#signIn").query(), "first-run.png");
        assertThat(robot.lookup("#search").tryQuery()).isEmpty();

        robot.clickOn("#accountPassword").write("mat-khau-dai-1");
        robot.clickOn("#accountRepeat").write("mat-khau-dai-1").type(KeyCode.ENTER);
        // the full name printed on papers is asked too, and checked by the service
        assertThat(message()).isEqualTo("Họ và tên in trên giấy tờ không được để trống, tối đa 80 ký tự trên một dòng.");
        assertThat(robot.lookup("#search").tryQuery()).isEmpty();
        robot.clickOn("#accountDisplayName").write("Nguyễn Văn Quản");
        robot.clickOn("#accountPassword").write("mat-khau-dai-1");
        robot.clickOn("#accountRepeat").write("mat-khau-dai-1").type(KeyCode.ENTER);
        awaitHome();
        assertThat(robot.lookup("#signedIn").queryLabeled().getText())
                .isEqualTo("Nguyễn Văn Quản (quantri) · cán bộ CNTT");
        window.close();

        window = CounterWindow.openAtSignIn(data);   // a restart: now it asks
        assertThat(shown("#accountRepeat")).isFalse();
        assertThat(shown("#accountDisplayName")).isFalse();
        robot.clickOn("#accountName").write("quantri");
        robot.clickOn("#accountPassword").write("khong-phai-no").type(KeyCode.ENTER);
        assertThat(message()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        robot.clickOn("#accountPassword").write("mat-khau-dai-1").type(KeyCode.ENTER);
        awaitHome();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aProvisionedOneTimePasswordIsReplacedAtTheFirstSignIn() throws Exception {
        System.setProperty("motcua.access.admin.name", "cntt");
        System.setProperty("motcua.access.admin.password", "mot-lan-duy-nhat");
        window = CounterWindow.openAtSignIn(data);
        assertThat(shown("#accountRepeat")).as("the administrator exists: sign in").isFalse();
        robot.clickOn("#accountName").write("cntt");
        robot.clickOn("#accountPassword").write("mot-lan-duy-nhat").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown("#accountRepeat"));
        assertThat(robot.lookup("#search").tryQuery()).as("not before a password of its own").isEmpty();
        robot.clickOn("#accountPassword").write("cua-rieng-toi-1");
        robot.clickOn("#accountRepeat").write("cua-rieng-toi-1").type(KeyCode.ENTER);
        awaitHome();
        assertThat(robot.lookup("#signedIn").queryLabeled().getText()).startsWith("cntt");
    }
}
