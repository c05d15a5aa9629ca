package vn.motcua.counter.ui;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
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
 * {@code -Dprism.order} given by hand is left alone. On Linux such a start also tells GTK not to load GL
 * ({@code GDK_GL=disable}): GTK 3 otherwise loads libGL, Mesa and LLVM when it opens the display (~0.2 s before the
 * first frame), which the software pipeline never uses. A {@code GDK_GL} set by hand is left alone too.
 */
final class Rendering {

    static final String MEMO = "rendering-software";

    private Rendering() {
    }

    /** Before JavaFX starts: the software pipeline where an earlier start fell back to it. */
    static void choose(Path data) {
        if (System.getProperty("prism.order") == null && Files.isRegularFile(data.resolve(MEMO))) {
            System.setProperty("prism.order", "sw");
            if (System.getProperty("os.name", "").startsWith("Linux")) {
                keepGtkOffGl();
            }
        }
    }

    /** {@code setenv} through the FFM API: Java cannot change its own environment, GTK reads it when it starts. */
    private static void keepGtkOffGl() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                int unused = (int) setenv.invokeExact(arena.allocateFrom("GDK_GL"), arena.allocateFrom("disable"), 0);
            }
        } catch (Throwable e) { // only a slower start: GTK loads GL as before
            LoggerFactory.getLogger(Rendering.class).debug("GDK_GL not set: {}", e.toString());
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
