package vn.motcua.sync.hub.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads the files routes run on (an upload's token check, bookkeeping and bytes read, hashed and stored; a
 * blob's check and lookup): platform threads that the operating system runs below the hub's other work (on Linux 10
 * nice steps below the hub, at most 19; elsewhere the lowest Java priority, which Windows honours). Under a burst of
 * uploads every core is busy moving files, and a manifest, {@code /health}, the changes feed or a staff page waited
 * for a core as long as any file did (decision 0705); with the files below, those get a core first, and the files
 * take whatever is left, which on a quiet hub is everything. An upload's body is also {@linkplain #gated gated}: at
 * most one upload per core works on its bytes at once, as a lower nice value alone does not hold against many threads.
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

    /** One per core: how many of the lane's threads may work on bytes they have read at once (see {@link #gated}). */
    private final Semaphore slots = new Semaphore(Runtime.getRuntime().availableProcessors());
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    BulkLane() {
    }

    /** Runs {@code work} on a bulk thread, the caller waiting; its exceptions reach the caller as they were thrown. */
    <T> T run(Work<T> work) throws IOException {
        Future<T> done = threads.submit(() -> {
            try {
                return work.run();
            } finally {
                release();
            }
        });
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

    /**
     * A request body read on this lane: its reader holds one of the lane's slots (one per core) while it works on what
     * it read (hashing, writing), and gives the slot back before it waits for more, so any number of slow counters may
     * be waited for. The kernel weighs each runnable thread by its nice value: under a burst, 16–37 runnable upload
     * threads at nice 10 (means over a second) outweighed a manifest's one thread at nice 0 up to four times over
     * (decision 0705); with the slots, at most one upload per core works on its bytes at once.
     */
    InputStream gated(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                release();
                int b = super.read();
                if (b >= 0) {
                    acquire();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                release();
                int n = super.read(b, off, len);
                if (n >= 0) { // after the end come the file's force and its row, which wait on the disk, not a core
                    acquire();
                }
                return n;
            }
        };
    }

    private void acquire() {
        slots.acquireUninterruptibly();
        holding.set(true);
    }

    private void release() {
        if (holding.get()) {
            holding.set(false);
            slots.release();
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
