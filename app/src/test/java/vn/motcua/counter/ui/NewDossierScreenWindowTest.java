package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Procedure;

/**
 * The new-dossier form is built behind the home list while the clerk is there, so Ctrl+N only shows it. What that
 * must not change: each dossier starts from an empty form, and a catalogue imported in the meantime is listed. And
 * leaving the form: Esc works from any field, and asks before anything entered is thrown away. And the screens a clerk
 * has left are let go, so that a day of receptions does not pile up in memory.
 */
class NewDossierScreenWindowTest {

    @TempDir
    Path data;

    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        window = CounterWindow.open(data, List::of);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void ctrlNShowsTheFormBuiltBehindTheHomeListAndEveryFormStartsEmpty() throws Exception {
        TextField ready = readyNameField();
        assertThat(onScreen(ready)).as("built, not shown").isFalse();

        newDossier();
        TextField name = robot.lookup("#fullName").queryAs(TextField.class);
        assertThat(name).as("the form built beforehand is the one shown").isSameAs(ready);
        assertThat(onScreen(name)).isTrue();
        assertThat(name.isFocused()).isTrue();
        robot.write("Võ Thị Sáu");
        assertThat(name.getText()).isEqualTo("Võ Thị Sáu");

        robot.clickOn("#close");
        robot.clickOn("#discardDossier"); // something was typed: closing asks first
        TextField next = readyNameField();
        assertThat(next).as("a new form for the next dossier").isNotSameAs(name);
        newDossier();
        assertThat(robot.lookup("#fullName").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void escClosesFromAnywhereButAsksFirstWhenSomethingWasEntered() throws Exception {
        readyNameField();
        newDossier();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newDossier").tryQuery()
                .map(NewDossierScreenWindowTest::onScreen).orElse(false)); // empty: closed at once

        readyNameField();
        newDossier();
        robot.write("Đinh Văn Hùng");
        robot.clickOn("#procedureFilter").write("khai sinh").type(KeyCode.ENTER); // focus goes to the list
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#keepDossier").tryQuery().isPresent());
        robot.clickOn("#keepDossier");
        TextField name = robot.lookup("#fullName").queryAs(TextField.class);
        assertThat(onScreen(name)).as("kept open").isTrue();
        assertThat(name.getText()).isEqualTo("Đinh Văn Hùng");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#discardDossier").tryQuery().isPresent());
        robot.clickOn("#discardDossier");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newDossier").tryQuery()
                .map(NewDossierScreenWindowTest::onScreen).orElse(false));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aProcedureImportedWhileTheFormWaitedIsListed() throws Exception {
        readyNameField();
        Procedure added = new Procedure("2.002999", "Đăng ký hoạt động tín ngưỡng", "Tôn giáo",
                ProcessingTime.ofWorkingDays(15), List.of(new ComponentRequirement("Văn bản đăng ký", 1, 0, null)));
        window.counter().catalogue().importProcedures(List.of(added), "bo-sung.json");

        newDossier();
        ListView<Procedure> procedures = robot.lookup("#procedureList").queryListView();
        assertThat(procedures.getItems()).contains(added);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theScreensLeftAreLetGo() throws Exception {
        List<java.lang.ref.WeakReference<Node>> left = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            readyNameField();
            left.add(new java.lang.ref.WeakReference<>(shownScreen()));
            newDossier();
            left.add(new java.lang.ref.WeakReference<>(shownScreen()));
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newDossier").tryQuery()
                    .map(NewDossierScreenWindowTest::onScreen).orElse(false));
        }
        readyNameField();
        List<Node> current = WaitForAsyncUtils.asyncFx(() -> List.copyOf(screens().getChildrenUnmodifiable())).get();
        left.removeIf(screen -> {
            Node held = screen.get();
            return held != null && current.contains(held);
        });
        for (int i = 0; i < 50 && left.stream().anyMatch(screen -> screen.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        assertThat(left.stream().map(java.lang.ref.WeakReference::get).filter(java.util.Objects::nonNull)
                .map(screen -> screen.getClass().getSimpleName()).toList())
                .as("screens left behind that something still holds").isEmpty();
    }

    private Screens screens() {
        return robot.lookup(node -> node instanceof Screens).queryAs(Screens.class);
    }

    private Node shownScreen() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> screens().shown()).get();
    }

    /** Waits, on the home list, for the next form to be built behind it and returns its name field. */
    private TextField readyNameField() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newDossier").tryQuery()
                .map(Node::isVisible).orElse(false) && robot.lookup("#fullName").tryQuery().isPresent());
        return robot.lookup("#fullName").queryAs(TextField.class);
    }

    /** Shown: the node and every parent up to the scene's root visible ({@link Node#isVisible} is the node's own). */
    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void newDossier() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#fullName").match(NewDossierScreenWindowTest::onScreen)
                .tryQuery().isPresent());
    }
}
