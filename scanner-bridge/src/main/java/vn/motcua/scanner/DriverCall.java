package vn.motcua.scanner;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs one driver call on a given driver thread and waits at most a time limit. This is the watchdog: a driver
 * that never returns costs one abandoned daemon thread, never the caller.
 */
final class DriverCall {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private DriverCall() {
    }

    /**
     * @param cancelled     polled while waiting; once true the limit shrinks to {@code cancelGrace}
     * @throws ScanException the driver's own, DRIVER_HUNG past the limit, DRIVER_CRASHED for anything unexpected,
     *                       CANCELLED when a cancelled call outlived the grace
     */
    static <T> T run(ExecutorService driverThread, String what, Duration limit, Callable<T> call,
                     BooleanSupplier cancelled, Duration cancelGrace) throws ScanException {
        return await(driverThread.submit(call), System.nanoTime(), what, limit, cancelled, cancelGrace);
    }

    /** Waits for a call already submitted at {@code submittedNanos}; the limit counts from then. */
    static <T> T await(Future<T> future, long submittedNanos, String what, Duration limit, BooleanSupplier cancelled,
                       Duration cancelGrace) throws ScanException {
        long deadline = submittedNanos + limit.toNanos();
        Long cancelDeadline = null;
        while (true) {
            if (cancelDeadline == null && cancelled.getAsBoolean()) {
                cancelDeadline = System.nanoTime() + cancelGrace.toNanos();
            }
            long now = System.nanoTime();
            long limitHere = cancelDeadline == null ? deadline : Math.min(deadline, cancelDeadline);
            if (now >= limitHere) {
                future.cancel(true);
                if (cancelDeadline != null) {
                    throw new ScanException(ScanError.CANCELLED, what + " ignored the cancel for " + cancelGrace);
                }
                throw new ScanException(ScanError.DRIVER_HUNG, what + " did not return within " + limit);
            }
            try {
                return future.get(Math.min(POLL_NANOS, limitHere - now), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // poll again: the cancel flag may have been raised meanwhile
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new ScanException(ScanError.CANCELLED, what + " interrupted");
            } catch (ExecutionException e) {
                throw asScanException(what, e.getCause());
            }
        }
    }

    private static ScanException asScanException(String what, Throwable cause) {
        if (cause instanceof ScanException scan) {
            return scan;
        }
        if (cause instanceof InterruptedException) {
            return new ScanException(ScanError.CANCELLED, what + " interrupted", cause);
        }
        return new ScanException(ScanError.DRIVER_CRASHED, what + " threw " + cause, cause);
    }
}
