package vn.motcua.scanner.twain.worker;

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
import vn.motcua.scanner.twain.BridgeCodec;
import vn.motcua.scanner.twain.BridgeMessage;

/**
 * The worker side of the bridge protocol, in Java. Backends: {@code virtual} (a virtual TWAIN/WIA source with
 * the simulated scanner's pages, for demos and for testing the process boundary), {@code twain} and {@code wia}
 * (not written yet: they answer every request with an error, see README "What is not proven").
 *
 * <p>Arguments: {@code --backend=virtual --sheets=N --jam-at=PAGE --crash-at=PAGE --hang-at=PAGE
 * --page-delay-ms=N}. stdout carries the protocol only; logs go to stderr.
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
        VirtualSource source = new VirtualSource(options);
        BlockingQueue<Object> requests = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("worker-read").start(() -> {
            try (BufferedInputStream in = new BufferedInputStream(System.in)) {
                while (true) {
                    BridgeMessage message = BridgeCodec.read(in);
                    if (message.is("CANCEL")) {
                        source.cancel();
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
        boolean supported = options.getOrDefault("backend", "virtual").equals("virtual");
        while (true) {
            Object next = requests.take();
            if (!(next instanceof BridgeMessage request) || request.is("BYE")) {
                protocolOut.flush();
                System.exit(0);
                return;
            }
            if (request.is("HELLO")) {
                source.setApi(request.field("driver").orElse("twain"));
                send(protocolOut, BridgeMessage.of("HELLO", "version", "1", "worker", "motcua-java",
                        "backend", options.getOrDefault("backend", "virtual"),
                        "bits", System.getProperty("sun.arch.data.model", "?")));
            } else if (!supported) {
                send(protocolOut, BridgeMessage.of("ERROR", "source", "worker", "code", "DRIVER_CRASHED",
                        "detail", "native " + options.get("backend") + " backend not built"));
            } else {
                source.handle(request, message -> send(protocolOut, message));
            }
        }
    }

    static void send(OutputStream out, BridgeMessage message) throws IOException {
        synchronized (out) {
            BridgeCodec.write(out, message);
        }
    }
}
