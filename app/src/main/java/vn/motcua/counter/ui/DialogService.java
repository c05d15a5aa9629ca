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
}
