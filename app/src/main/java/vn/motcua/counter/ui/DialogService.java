package vn.motcua.counter.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Window;

/**
 * The native dialogs and hand-offs a view needs. Injected, so TestFX tests can run a reception without a native
 * file chooser, which no robot can drive.
 */
public interface DialogService {

    List<Path> chooseImages(Window owner, String title);

    /** Opens a file (the receipt PDF) in the system's viewer. */
    void open(Path file);

    /**
     * Shows the recovery key made at set-up, once, until the clerk or IT staff closes it (decision 1201). The real
     * dialogs override this; a test's dialogs may leave it out.
     */
    default void showRecoveryKey(Window owner, String title, String text, String key) {
    }
}
