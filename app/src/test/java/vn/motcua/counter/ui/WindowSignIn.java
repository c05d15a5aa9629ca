package vn.motcua.counter.ui;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Gets a test window past its sign-in screen (decision 1301) as a person would, through the screen's own fields:
 * the first administrator on a new data folder, else signing in as it.
 */
public final class WindowSignIn {

    public static final String ADMIN = "quantri";
    public static final String PASSWORD = "mat-khau-thu-nghiem";
    /** The administrator's full name, printed on papers and in the history (the first-run screen asks it). */
    public static final String DISPLAY_NAME = "Phạm Thị Quỳnh";

    private WindowSignIn() {
    }

    /** Fills in the sign-in (or first-administrator) screen on {@code stage} and waits for the home list. */
    public static void signIn(Stage stage) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stage.getScene() != null
                && stage.getScene().lookup("#signIn") != null);
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                Scene scene = stage.getScene();
                ((TextField) scene.lookup("#accountName")).setText(ADMIN);
                ((TextField) scene.lookup("#accountPassword")).setText(PASSWORD);
                TextField repeat = (TextField) scene.lookup("#accountRepeat");
                if (repeat.isVisible()) {
                    repeat.setText(PASSWORD);
                }
                TextField displayName = (TextField) scene.lookup("#accountDisplayName");
                if (displayName.isVisible()) {
                    displayName.setText(DISPLAY_NAME);
                }
                ((Button) scene.lookup("#signIn")).fire();
            }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stage.getScene().lookup("#search") != null);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
