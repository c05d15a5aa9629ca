package vn.motcua.counter.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;

/**
 * The real counter window on a test's data folder. Only the native file chooser, which no robot can drive, is
 * replaced: it returns the real files the test writes.
 */
final class CounterWindow implements AutoCloseable {

    static final String CLERK = "Trần Văn Bình";

    /** Writes the files the clerk "chooses" at the moment the chooser would open. */
    @FunctionalInterface
    interface ChosenFiles {
        List<Path> write() throws IOException;
    }

    private final CounterApplication application;

    private CounterWindow(CounterApplication application) {
        this.application = application;
    }

    static CounterWindow open(Path data, ChosenFiles chosen) throws TimeoutException {
        System.setProperty("motcua.data.dir", data.toString());
        System.setProperty("motcua.clerk.name", CLERK);
        FxToolkit.registerPrimaryStage();
        DialogService dialogs = new DialogService() {
            @Override
            public List<Path> chooseImages(Window owner, String title) {
                try {
                    return chosen.write();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void open(Path file) {
            }
        };
        return new CounterWindow((CounterApplication) FxToolkit.setupApplication(
                () -> new CounterApplication((host, messages) -> dialogs)));
    }

    CounterApplication application() {
        return application;
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
        System.clearProperty("motcua.data.dir");
        System.clearProperty("motcua.clerk.name");
    }
}
