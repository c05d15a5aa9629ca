package vn.motcua.counter.bootstrap;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the installed application keeps what it ships beside its jars (Tesseract's models, the configuration
 * template, trust anchors, native libraries): the launcher of the packaged image sets {@code -Dmotcua.app.dir} to
 * its {@code $APPDIR}. Empty when running from a checkout ({@code ./motcua}) or in tests.
 */
public final class Installation {

    static final String APP_DIR_PROPERTY = "motcua.app.dir";

    private Installation() {
    }

    public static Optional<Path> folder() {
        return Optional.ofNullable(System.getProperty(APP_DIR_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of);
    }
}
