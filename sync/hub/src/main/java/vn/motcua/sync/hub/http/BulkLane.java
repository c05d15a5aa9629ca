package vn.motcua.sync.hub.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads the files routes run on (an upload's token check, bookkeeping and bytes read, hashed and stored; a
 * blob's check and lookup): platform threads that the operating system runs below the hub's other work (on Linux 10
 * nice steps below the hub, at most 19; elsewhere the lowest Java priority, which Windows honours). Under a burst of
 * uploads every core is busy moving files, and a manifest, {@code /health}, the changes feed or a staff page waited
 * for a core as long as any file did (decision 0705); with the files below, those get a core first, and the files
 * take whatever is left, which on a quiet hub is everything.
 */
public final class BulkLane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkLane.class);
    private static final int STEPS = 10;
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle GETTID;
    private static final MethodHandle GETPRIORITY;
    private static final MethodHandle SETPRIORITY;

    static {
        MethodHandle gettid = null;
        MethodHandle getpriority = null;
        MethodHandle setpriority = null;
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                gettid = linker.defaultLookup().find("gettid").map(f -> linker.downcallHandle(f,
                        FunctionDescriptor.of(ValueLayout.JAVA_INT))).orElse(null);
                getpriority = linker.defaultLookup().find("getpriority").map(f -> linker.downcallHandle(f,
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                        .orElse(null);
                setpriority = linker.defaultLookup().find("setpriority").map(f -> linker.downcallHandle(f,
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_INT))).orElse(null);
            } catch (RuntimeException e) { // native access refused: the files keep the normal priority
                LOG.atWarn().addKeyValue("cause", e.toString()).log("uploads run at normal priority");
            }
        }
        GETTID = gettid;
        GETPRIORITY = getpriority;
        SETPRIORITY = setpriority;
    }

    private final ExecutorService threads = Executors.newCachedThreadPool(task -> Thread.ofPlatform()
            .name("bulk-", 0).daemon(true).unstarted(() -> {
                lowerThisThread();
                task.run();
            }));

    BulkLane() {
    }

    /** Runs {@code work} on a bulk thread, the caller waiting; its exceptions reach the caller as they were thrown. */
    <T> T run(Work<T> work) throws IOException {
        Future<T> done = threads.submit(work::run);
        try {
            return done.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the upload was being stored");
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Lowers the calling platform thread as the lane's threads are (threads it starts inherit that). Also used by the
     * load benchmark, whose counters' uploads stand in for PCs of their own.
     */
    public static void lowerThisThread() {
        if (GETTID == null || GETPRIORITY == null || SETPRIORITY == null) {
            Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
            return;
        }
        try {
            int tid = (int) GETTID.invokeExact();
            int nice = (int) GETPRIORITY.invokeExact(PRIO_PROCESS, tid); // a new thread has its creator's
            if ((int) SETPRIORITY.invokeExact(PRIO_PROCESS, tid, Math.min(19, nice + STEPS)) != 0) {
                LOG.atDebug().log("setpriority refused; this upload thread keeps the normal priority");
            }
        } catch (Throwable e) {
            LOG.atDebug().addKeyValue("cause", e.toString()).log("setpriority failed");
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
