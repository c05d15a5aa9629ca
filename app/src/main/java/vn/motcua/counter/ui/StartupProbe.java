package vn.motcua.counter.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the window is usable (shown, with the home list filled), writes how long that took since the process started
 * to the file named by {@code -Dmotcua.startup.report}, and with {@code -Dmotcua.startup.exit=true} then closes the
 * window. Used by the start-up benchmark, the installer's headless window test and the AOT training run, all through
 * {@code JAVA_TOOL_OPTIONS}; without the properties it only logs the time.
 */
final class StartupProbe {

    private static final Logger LOG = LoggerFactory.getLogger(StartupProbe.class);

    private StartupProbe() {
    }

    static void windowUsable() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        long millis = Duration.between(started, Instant.now()).toMillis();
        LOG.info("window usable {} ms after the process started", millis);
        String report = System.getProperty("motcua.startup.report");
        if (report != null && !report.isBlank()) {
            try {
                Files.writeString(Path.of(report), "usable " + millis + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("cannot write the start-up report {}", report, e);
            }
        }
        if (Boolean.getBoolean("motcua.startup.exit")) {
            Platform.exit();
        }
    }
}
