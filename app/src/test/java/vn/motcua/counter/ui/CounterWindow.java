package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.bootstrap.CounterContext;

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

    /** Waits for the home screen's notice of a reception and returns the dossier code it names. */
    static String receivedCode(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#notice").queryLabeled().isVisible()
                && robot.lookup("#notice").queryLabeled().getText().startsWith("Đã tiếp nhận hồ sơ"));
        Matcher found = Pattern.compile("000\\.00\\.00\\.H26-\\d{6}-\\d{4}")
                .matcher(robot.lookup("#notice").queryLabeled().getText());
        assertThat(found.find()).as("the notice names the new dossier code").isTrue();
        return found.group();
    }

    /** The text of a PDF in the data folder's content store, one space between words (table cells wrap). */
    static String storedPdfText(Path data, String contentId) throws IOException {
        Path file = data.resolve(CounterContext.CONTENT_FOLDER).resolve(contentId.substring(0, 2)).resolve(contentId);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
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
