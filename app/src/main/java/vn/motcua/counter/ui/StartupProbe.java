package vn.motcua.counter.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the window is usable (the first screen, sign-in since decision 1301, drawn and answering: the counter open
 * behind it), writes how long that took since the process started to the file named by
 * {@code -Dmotcua.startup.report}, and with {@code -Dmotcua.startup.exit=true} then closes the window. Used by the
 * start-up benchmark, the installer's headless window test and the AOT training run, all through
 * {@code JAVA_TOOL_OPTIONS}; without the properties it only logs the time. The report's first line is
 * {@code usable MS}; the lines after it are the phases {@link #mark marked} on the way, {@code PHASE MS} each (decision
 * 0903), also in the log.
 */
public final class StartupProbe {

    private static final List<String> PHASES = new ArrayList<>();
    private static boolean reported;

    private StartupProbe() {
    }

    /** Milliseconds since the process started. */
    static long sinceStart() {
        try {   // Linux: both times counted from the boot, 10 ms steps
            return sinceStart(Files.readString(Path.of("/proc/self/stat")), Files.readString(Path.of("/proc/uptime")));
        } catch (IOException | RuntimeException notLinux) {
            // elsewhere ProcessHandle's start is exact; on Linux it adds the boot time rounded down to the second
            // (/proc/stat's btime), which made every figure up to 1 s too long, by an amount fixed at each boot
            Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            return Duration.between(started, Instant.now()).toMillis();
        }
    }

    /**
     * From {@code /proc/self/stat} (field 22: start, in clock ticks since the boot; USER_HZ, 100 on Linux) and
     * {@code /proc/uptime} (seconds since the boot).
     */
    static long sinceStart(String stat, String uptime) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");   // from field 3 on
        long startTicks = Long.parseLong(fields[22 - 3]);
        long upMillis = Math.round(Double.parseDouble(uptime.trim().split("\\s+")[0]) * 1000);
        return upMillis - startTicks * 10;
    }

    /** Notes that the start reached {@code phase} (one word) now; reported with the usable time. */
    public static synchronized void mark(String phase) {
        if (!reported) {
            PHASES.add(phase + " " + sinceStart());
        }
    }

    /** The first screen is drawn and the counter behind it open: once per process. */
    static void windowUsable() {
        long millis = sinceStart();
        List<String> phases;
        synchronized (StartupProbe.class) {
            if (reported) {
                return;
            }
            reported = true;
            phases = List.copyOf(PHASES);
        }
        Logger log = LoggerFactory.getLogger(StartupProbe.class);   // not in mark(): the launcher marks before logging
        log.info("window usable {} ms after the process started ({})", millis, String.join(", ", phases));
        String report = System.getProperty("motcua.startup.report");
        if (report != null && !report.isBlank()) {
            StringBuilder text = new StringBuilder("usable ").append(millis).append(System.lineSeparator());
            phases.forEach(p -> text.append(p).append(System.lineSeparator()));
            try {
                Files.writeString(Path.of(report), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.warn("cannot write the start-up report {}", report, e);
            }
        }
        if (Boolean.getBoolean("motcua.startup.exit")) {
            Platform.exit();
        }
    }

    /** Whether a report file is asked for ({@code -Dmotcua.startup.report}). */
    static boolean reporting() {
        String report = System.getProperty("motcua.startup.report");
        return report != null && !report.isBlank();
    }

    /**
     * The home list is shown for the first time after a sign-in, with {@code rows} dossiers: a line {@code listed MS
     * ROWS} is added to the report (the benchmark signs in and reads the window's memory then).
     */
    static void homeListed(int rows) {
        String report = System.getProperty("motcua.startup.report");
        if (report != null && !report.isBlank()) {
            try {
                Files.writeString(Path.of(report), "listed " + sinceStart() + " " + rows + System.lineSeparator(),
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                LoggerFactory.getLogger(StartupProbe.class).warn("cannot write the start-up report {}", report, e);
            }
        }
    }
}
