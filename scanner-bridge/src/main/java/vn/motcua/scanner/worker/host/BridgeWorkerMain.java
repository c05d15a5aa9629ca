package vn.motcua.scanner.worker.host;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import vn.motcua.scanner.worker.BridgeCodec;
import vn.motcua.scanner.worker.BridgeMessage;
import vn.motcua.scanner.worker.host.twain.TwainBackend;
import vn.motcua.scanner.worker.host.twain.WindowsDsm;
import vn.motcua.scanner.worker.host.wia.WiaBackend;
import vn.motcua.scanner.worker.host.wia.WindowsCom;
import vn.motcua.scanner.simulator.worker.VirtualSource;

/**
 * The worker side of the bridge protocol, in Java. Backends: {@code virtual} (a virtual TWAIN/WIA source with
 * the simulated scanner's pages, for demos and for testing the process boundary), {@code twain} (TWAINDSM.dll
 * through the FFM API, 64-bit Windows only, not yet run on Windows: see README "What is not proven") and
 * {@code wia} (WIA 2.0 through COM with the FFM API, likewise not yet run on Windows).
 *
 * <p>Arguments: {@code --backend=virtual --sheets=N --jam-at=PAGE --crash-at=PAGE --hang-at=PAGE
 * --page-delay-ms=N}; {@code --backend=twain --xfer-wait-ms=N} (how long a SCAN waits for the source's first
 * page, default 120000); {@code --backend=wia}. The twain and wia backends need
 * {@code java --enable-native-access=ALL-UNNAMED}. stdout carries the protocol only; logs go to stderr.
 */
public final class BridgeWorkerMain {

    private BridgeWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        // Anything a library prints must not corrupt the protocol stream.
        OutputStream protocolOut = new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        System.setOut(new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8));
        String backendName = options.getOrDefault("backend", "virtual");
        WorkerBackend loaded = null;
        String unavailable = null;
        try {
            loaded = backend(backendName, options);
        } catch (RuntimeException e) {
            // No TWAINDSM.dll / ole32.dll (not Windows): every request says why, so the client reports it.
            System.err.println("worker: backend " + backendName + " unavailable: " + e);
            unavailable = e.getMessage();
        }
        WorkerBackend source = loaded;
        BlockingQueue<Object> requests = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("worker-read").start(() -> {
            try (BufferedInputStream in = new BufferedInputStream(System.in)) {
                while (true) {
                    BridgeMessage message = BridgeCodec.read(in);
                    if (message.is("CANCEL")) {
                        if (source != null) {
                            source.cancel();
                        }
                    } else {
                        requests.add(message);
                    }
                }
            } catch (EOFException e) {
                requests.add("EOF");
            } catch (IOException | RuntimeException e) {
                System.err.println("worker: reading requests failed: " + e);
                requests.add("EOF");
            }
        });
        while (true) {
            Object next = requests.take();
            if (!(next instanceof BridgeMessage request) || request.is("BYE")) {
                if (source != null) {
                    source.close();
                }
                protocolOut.flush();
                System.exit(0);
                return;
            }
            if (request.is("HELLO")) {
                if (source != null) {
                    source.hello(request.field("driver").orElse("twain"));
                }
                send(protocolOut, BridgeMessage.of("HELLO", "version", "1", "worker", "motcua-java",
                        "backend", backendName,
                        "bits", System.getProperty("sun.arch.data.model", "?")));
            } else if (source == null) {
                send(protocolOut, BridgeMessage.of("ERROR", "source", "worker", "code", "DRIVER_CRASHED",
                        "detail", String.valueOf(unavailable)));
            } else {
                source.handle(request, message -> send(protocolOut, message));
            }
        }
    }

    /** Native backends are loaded only when asked for, so the virtual one never touches native code. */
    private static WorkerBackend backend(String name, Map<String, String> options) {
        return switch (name) {
            case "virtual" -> new VirtualSource(options);
            case "twain" -> new TwainBackend(WindowsDsm.load(),
                    Long.parseLong(options.getOrDefault("xfer-wait-ms", "120000")));
            case "wia" -> new WiaBackend(WindowsCom.load());
            default -> throw new IllegalArgumentException("native " + name + " backend not built");
        };
    }

    static void send(OutputStream out, BridgeMessage message) throws IOException {
        synchronized (out) {
            BridgeCodec.write(out, message);
        }
    }
}
