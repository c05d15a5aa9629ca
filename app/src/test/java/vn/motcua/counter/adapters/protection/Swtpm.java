package vn.motcua.counter.adapters.protection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A software TPM 2.0 (Debian's {@code swtpm}) started by a test on loopback, with its state in a folder of its own:
 * another folder is another PC's TPM. Its TCTI is {@code swtpm:host=127.0.0.1,port=P} (control on P+1).
 */
public final class Swtpm implements AutoCloseable {

    private final Process process;
    public final int port;

    private Swtpm(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/swtpm")) && Files.isExecutable(Path.of("/usr/bin/tpm2_unseal"));
    }

    /** Starts swtpm on two free consecutive loopback ports with {@code state} as its TPM's memory. */
    public static Swtpm start(Path state, Path log) throws Exception {
        Files.createDirectories(state);
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = freePair();
            Process process = new ProcessBuilder("swtpm", "socket", "--tpm2",
                    "--server", "type=tcp,port=" + port + ",bindaddr=127.0.0.1",
                    "--ctrl", "type=tcp,port=" + (port + 1) + ",bindaddr=127.0.0.1",
                    "--tpmstate", "dir=" + state, "--flags", "startup-clear")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (listening(process, port)) {
                return new Swtpm(process, port);
            }
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);   // port taken meanwhile: another pair
        }
        throw new IllegalStateException("swtpm did not start; see " + log + ": " + Files.readString(log));
    }

    public String tcti() {
        return "swtpm:host=127.0.0.1,port=" + port;
    }

    private static int freePair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port < 65535) {
                    try (ServerSocket second = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                        return port;
                    } catch (IOException taken) {
                        // the next one is in use: try another
                    }
                }
            }
        }
        throw new IOException("no two free consecutive loopback ports");
    }

    private static boolean listening(Process process, int port) throws InterruptedException {
        for (int i = 0; i < 100 && process.isAlive(); i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
