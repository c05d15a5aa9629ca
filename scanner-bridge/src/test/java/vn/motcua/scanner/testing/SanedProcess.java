package vn.motcua.scanner.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code saned} with the SANE {@code test} backend (A4 bed, 10-sheet feeder) in a private configuration
 * folder, listening on 127.0.0.1 on a free port. Started and stopped by the tests.
 */
public final class SanedProcess implements AutoCloseable {

    private static final Path SANED = Path.of("/usr/sbin/saned");

    private final Path configDir;
    private final int port;
    private Process process;

    private SanedProcess(Path configDir, int port) {
        this.configDir = configDir;
        this.port = port;
    }

    public static SanedProcess start(Path workDir) throws IOException, InterruptedException {
        return start(workDir, FreePorts.one());
    }

    /** On a given port: scanimage's net backend only reaches saned on 6566 (it takes no port in net.conf). */
    public static SanedProcess start(Path workDir, int port) throws IOException, InterruptedException {
        return start(workDir, port, List.of());
    }

    /**
     * With a {@code saned.users} file: saned then asks for a login before opening a backend named in it
     * (sanei_auth.c, resource = the backend name).
     *
     * @param sanedUsers lines {@code user:password:backend}, e.g. {@code scan:secret:test}
     */
    public static SanedProcess startRequiringLogin(Path workDir, List<String> sanedUsers)
            throws IOException, InterruptedException {
        return start(workDir, FreePorts.one(), sanedUsers);
    }

    private static SanedProcess start(Path workDir, int port, List<String> sanedUsers)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(SANED)) {
            throw new IllegalStateException("saned not installed: apt-get install sane-utils libsane1");
        }
        Path config = Files.createDirectories(workDir.resolve("sane.d"));
        writeConfig(config);
        if (!sanedUsers.isEmpty()) {
            Files.write(config.resolve("saned.users"), sanedUsers);
        }
        SanedProcess saned = new SanedProcess(config, port);
        saned.launch();
        return saned;
    }

    /** The same private configuration for a local {@code scanimage} (the benchmark's reference). */
    public static void writeConfig(Path config) throws IOException {
        Files.writeString(config.resolve("dll.conf"), "test\n");
        Files.writeString(config.resolve("test.conf"), "geometry_max 300.0\nbr_x 210.0\nbr_y 297.0\n");
        // No data_portrange: saned binds a fresh ephemeral data port per page; a narrow fixed range runs out
        // while earlier pages' ports sit in TIME_WAIT (seen as SANE_STATUS_IO_ERROR on page 3).
        Files.writeString(config.resolve("saned.conf"), "127.0.0.1\n[::1]\n");
    }

    private void launch() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(SANED.toString(), "-l", "-e", "-b", "127.0.0.1",
                "-p", Integer.toString(port)));
        builder.environment().put("SANE_CONFIG_DIR", configDir.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(configDir.resolve("saned.log").toFile());
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("saned exited: " + Files.readString(configDir.resolve("saned.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        stop();
        throw new IOException("saned did not listen on " + port + " within 10 s");
    }

    public int port() {
        return port;
    }

    public Path configDir() {
        return configDir;
    }

    /** SIGSTOP to saned and its connection children: a peer that hangs mid-page, sockets open, no answer. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    /**
     * One {@code kill} per process: a connection child may end between listing and signalling (CI saw "kill -CONT
     * failed" for that), which is no failure; a process still alive that could not be signalled is.
     */
    private void signal(String signal) throws IOException, InterruptedException {
        java.util.List<Long> pids = new java.util.ArrayList<>(List.of(process.pid()));
        process.descendants().forEach(child -> pids.add(child.pid()));
        for (long pid : pids) {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean signalled = kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
            if (!signalled && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IOException("kill " + signal + " " + pid + " failed");
            }
        }
    }

    /** Stops saned and the children it forked for connections; bounded. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        try {
            thaw();
        } catch (IOException ignored) {
            // already gone
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
