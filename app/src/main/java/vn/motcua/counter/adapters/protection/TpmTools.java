package vn.motcua.counter.adapters.protection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's {@code tpm2-tools} run as processes (no shell): each call gets {@code --tcti}, a bounded time, its
 * secret input on stdin and its secret output on stdout (never in a file or an argument). Standard error is logged,
 * never put in a message a clerk sees: a {@link KeyProtection.ProtectionException} names only the tool and its exit.
 */
final class TpmTools {

    private static final Logger LOG = LoggerFactory.getLogger(TpmTools.class);
    /** Generous for a real TPM's primary-key generation (seconds at worst); a TPM that does not answer is cut off. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int KEPT_STDERR = 2000;

    private final String tcti;
    private final Path workDir;

    TpmTools(String tcti, Path workDir) {
        this.tcti = tcti;
        this.workDir = workDir;
    }

    /** Runs {@code tool} with {@code stdin}, then flushes the transient objects it left (see {@link #flush}). */
    byte[] run(byte[] stdin, String tool, String... arguments) throws KeyProtection.ProtectionException {
        try {
            return exec(stdin, tool, arguments);
        } finally {
            flush();
        }
    }

    /**
     * Without a resource manager (a direct {@code device:/dev/tpm0}, or swtpm in tests) objects stay loaded after a
     * tool exits, and a TPM holds only a few; behind {@code /dev/tpmrm0} this finds nothing to flush.
     */
    private void flush() {
        try {
            exec(new byte[0], "tpm2_flushcontext", "--transient-object");
        } catch (KeyProtection.ProtectionException e) {
            LOG.warn("transient TPM objects could not be flushed: {}", e.getMessage());
        }
    }

    private byte[] exec(byte[] stdin, String tool, String... arguments) throws KeyProtection.ProtectionException {
        List<String> command = new ArrayList<>(List.of(tool, "--tcti=" + tcti));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        } catch (IOException e) {
            throw new KeyProtection.ProtectionException(tool + " cannot be started (is tpm2-tools installed?)", e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            LOG.debug("{} closed its input early", tool, e);   // its exit status below says what happened
        }
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new KeyProtection.ProtectionException(tool + " did not answer within " + TIMEOUT.toSeconds()
                        + " s (TCTI " + tcti + ")");
            }
            byte[] output = out.get(5, TimeUnit.SECONDS);
            String errors = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                LOG.warn("{} (TCTI {}) exit {}: {}", tool, tcti, process.exitValue(), shortened(errors));
                throw new KeyProtection.ProtectionException(tool + " failed (exit " + process.exitValue() + ")");
            }
            if (!errors.isEmpty()) {
                LOG.debug("{}: {}", tool, shortened(errors));
            }
            return output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KeyProtection.ProtectionException(tool + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new KeyProtection.ProtectionException(tool + " output could not be read", e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                result.complete(stream.readAllBytes());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " | ");   // one log line per call
        return line.length() <= KEPT_STDERR ? line : line.substring(0, KEPT_STDERR) + "…";
    }
}
