package vn.motcua.scanner;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** A running scan. Obtained from {@link ScannerBridge#scan}. */
public interface ScanJob {

    ScannerDevice device();

    ScanSettings settings();

    ScanJobState state();

    /** Pages handed to the listener so far. */
    int pagesDelivered();

    /** Asks the driver to stop; returns at once. The job ends CANCELLED within the watchdog's cancel grace. */
    void cancel();

    /** Completes (never exceptionally) when the job reaches a final state. */
    CompletableFuture<ScanResult> completion();

    /** Blocks until the job ends. */
    default ScanResult await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return completion().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Scan job completion must not fail", e);
        }
    }
}
