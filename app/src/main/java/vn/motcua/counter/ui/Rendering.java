package vn.motcua.counter.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import org.slf4j.LoggerFactory;

/**
 * JavaFX tries its GPU pipeline first (es2 on Linux, d3d on Windows) and, where the graphics are not qualified (no GPU
 * driver, a virtual display, Mesa's software GL), falls back to its software one, after loading GL and making a
 * context: ~0.2–0.3 s of every start on such a PC. The fallback is remembered in the data folder and the next start
 * asks for the software pipeline at once (decision 0903). Deleting the file lets JavaFX try the GPU again; a
 * {@code -Dprism.order} given by hand is left alone.
 */
final class Rendering {

    static final String MEMO = "rendering-software";

    private Rendering() {
    }

    /** Before JavaFX starts: the software pipeline where an earlier start fell back to it. */
    static void choose(Path data) {
        if (System.getProperty("prism.order") == null && Files.isRegularFile(data.resolve(MEMO))) {
            System.setProperty("prism.order", "sw");
        }
    }

    /** JavaFX is up: remembers that it fell back to the software pipeline (only it draws no 3D). */
    static void learn(Path data) {
        if (System.getProperty("prism.order") == null && !Platform.isSupported(ConditionalFeature.SCENE3D)
                && Files.isDirectory(data)) {
            try {
                Files.writeString(data.resolve(MEMO), "JavaFX fell back to its software pipeline here; delete this"
                        + " file to let it try the GPU again" + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LoggerFactory.getLogger(Rendering.class).warn("cannot remember the software rendering", e);
            }
        }
    }
}
