package vn.motcua.scanner.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;

/**
 * One worker process and the protocol on its stdin/stdout. Messages are read by a pump thread into a queue, so a
 * wait for the worker is interruptible and time-limited; whatever goes wrong, {@link #close()} kills the process.
 */
final class BridgeConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeConnection.class);
    private static final Object END_OF_STREAM = new Object();

    private final Process process;
    private final OutputStream toWorker;
    private final BlockingQueue<Object> fromWorker = new LinkedBlockingQueue<>();

    private BridgeConnection(Process process) {
        this.process = process;
        this.toWorker = new BufferedOutputStream(process.getOutputStream());
        Thread.ofPlatform().daemon().name("bridge-read-" + process.pid()).start(this::pump);
        Thread.ofPlatform().daemon().name("bridge-log-" + process.pid()).start(this::forwardLog);
    }

    static BridgeConnection start(List<String> command, String driver, Duration timeout) throws ScanException,
            InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new ScanException(ScanError.DRIVER_CRASHED, "cannot start scanner worker " + command.getFirst(), e);
        }
        BridgeConnection connection = new BridgeConnection(process);
        try {
            connection.send(BridgeMessage.of("HELLO", "version", "1", "driver", driver));
            BridgeMessage hello = connection.next(timeout);
            if (!hello.is("HELLO") || !hello.field("version").orElse("").equals("1")) {
                throw new ScanException(ScanError.DRIVER_CRASHED, "worker speaks another protocol: " + hello);
            }
            LOG.debug("Scanner worker {} started: {}", process.pid(), hello.fields());
            return connection;
        } catch (ScanException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    synchronized void send(BridgeMessage message) throws ScanException {
        try {
            BridgeCodec.write(toWorker, message);
        } catch (IOException e) {
            throw new ScanException(ScanError.DRIVER_CRASHED, "scanner worker gone (" + e.getMessage() + ")", e);
        }
    }

    /** The next message; DRIVER_CRASHED when the worker died, DRIVER_HUNG when it said nothing in time. */
    BridgeMessage next(Duration timeout) throws ScanException, InterruptedException {
        Object item = fromWorker.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new ScanException(ScanError.DRIVER_HUNG, "scanner worker silent for " + timeout);
        }
        if (item == END_OF_STREAM) {
            fromWorker.add(END_OF_STREAM);
            throw new ScanException(ScanError.DRIVER_CRASHED, "scanner worker exited" + exitCode());
        }
        if (item instanceof RuntimeException broken) {
            fromWorker.add(END_OF_STREAM);
            throw new ScanException(ScanError.DRIVER_CRASHED, "scanner worker broke the protocol: "
                    + broken.getMessage(), broken);
        }
        return (BridgeMessage) item;
    }

    /** Reads until {@code END}, failing on {@code ERROR}. */
    List<BridgeMessage> untilEnd(Duration timeout, BridgeErrors errors) throws ScanException, InterruptedException {
        List<BridgeMessage> messages = new java.util.ArrayList<>();
        while (true) {
            BridgeMessage message = next(timeout);
            if (message.is("END")) {
                return messages;
            }
            if (message.is("ERROR")) {
                throw errors.toException(message);
            }
            messages.add(message);
        }
    }

    private String exitCode() {
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return " with code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private void pump() {
        try (BufferedInputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            while (true) {
                fromWorker.add(BridgeCodec.read(in));
            }
        } catch (EOFException e) {
            fromWorker.add(END_OF_STREAM);
        } catch (IOException e) {
            fromWorker.add(END_OF_STREAM);
        } catch (RuntimeException e) {
            fromWorker.add(e);
        }
    }

    /** The worker's stderr is its log; driver messages are not personal data. */
    private void forwardLog() {
        try (BufferedReader log = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = log.readLine(); line != null; line = log.readLine()) {
                LOG.debug("worker {}: {}", process.pid(), line);
            }
        } catch (IOException e) {
            LOG.trace("worker log closed: {}", e.toString());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Says BYE, gives the worker a moment to release the device, then kills it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send(BridgeMessage.of("BYE"));
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (ScanException e) {
                LOG.trace("BYE not delivered: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
