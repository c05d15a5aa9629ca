package vn.motcua.sync.hub.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub in its own JVM ({@code motcua-hub serve}, the test's class path), so a test can kill it with SIGKILL in
 * the middle of a request as a crashed machine would.
 */
public final class ChildHub implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready on http://127\\.0\\.0\\.1:(\\d+)/");
    /** {@code ./motcua-hub}, the launcher in the project's root (the tests run in sync/hub). */
    public static final Path LAUNCHER = Path.of("../../motcua-hub").toAbsolutePath().normalize();
    /** The heap options {@code ./motcua-hub} starts the hub with by default, so that a benchmark measures those. */
    private static final List<String> LAUNCHER_HEAP = launcherHeap();

    private final Process process;
    public final URI base;

    private ChildHub(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    public static ChildHub start(Path dataDir, Map<String, String> env, Path log) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(LAUNCHER_HEAP);
        // extra JVM options for profiling a benchmark's hub, e.g. -Dhub.child.jvmArgs=-XX:StartFlightRecording=filename=/tmp/hub.jfr
        String extra = System.getProperty("hub.child.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.motcua.sync.hub.cli.HubCommand", "serve", "--data", dataDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(log.toFile());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String line;
        while (Instant.now().isBefore(deadline) && (line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                return new ChildHub(p, URI.create("http://127.0.0.1:" + m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("child hub did not start; see " + log);
    }

    private static List<String> launcherHeap() {
        try {
            Matcher m = Pattern.compile("MOTCUA_HUB_HEAP_OPTS:-([^}]+)}").matcher(java.nio.file.Files.readString(LAUNCHER));
            if (!m.find()) {
                throw new IllegalStateException(LAUNCHER + " names no default heap (MOTCUA_HUB_HEAP_OPTS)");
            }
            return List.of(m.group(1).strip().split("\\s+"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, open requests are cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
