package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.catalogue.JsonCatalogueReader;
import vn.motcua.counter.adapters.store.SqliteContentReferences;
import vn.motcua.counter.application.ContentCleanup;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.retention.Retention;

/**
 * What an open counter does once at start: loads the sample catalogue into an empty one (so a fresh machine runs as a
 * demo counter), and in the background seals content files stored before encryption (decision 1201, once per data
 * folder) and removes unreferenced content files. The stage runner is started by the faces
 * that run the pipeline (the window, {@code motcua run}), not by a command that only reads or receives.
 */
public final class StartupWork {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWork.class);
    private static final String SAMPLE_CATALOGUE = "procedures-sample.json";
    private static final long CLEANUP_STOP_SECONDS = 10;

    private final CompletableFuture<ContentStore.Removed> contentCleanup;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Thread daily;

    private StartupWork(CounterWiring counter) {
        loadSampleCatalogueOnFirstStart(counter);
        this.contentCleanup = startContentCleanup(counter);
        startDailyRetention(counter);
    }

    static StartupWork begin(CounterWiring counter) {
        return new StartupWork(counter);
    }

    private static void loadSampleCatalogueOnFirstStart(CounterWiring counter) {
        if (!counter.catalogue().isEmpty()) {
            return;
        }
        try (InputStream sample = StartupWork.class.getResourceAsStream("/catalogue/" + SAMPLE_CATALOGUE)) {
            var procedures = new JsonCatalogueReader().read(sample, SAMPLE_CATALOGUE);
            counter.catalogue().importProcedures(procedures, SAMPLE_CATALOGUE);
            LOG.info("loaded the sample catalogue: {} procedures", procedures.size());
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sample catalogue is unreadable", e);
        }
    }

    /**
     * Unreferenced content files are removed at each start, in the background (a daemon thread: the window does
     * not wait), with the instance lock held, so no other counter process is saving into the store.
     */
    private CompletableFuture<ContentStore.Removed> startContentCleanup(CounterWiring counter) {
        // file times are the machine's real time, whatever clock the dossiers are dated by
        Clock files = Clock.systemUTC();
        ContentCleanup cleanup = new ContentCleanup(new SqliteContentReferences(counter.database()), counter.contents(),
                files, files.instant());
        CompletableFuture<ContentStore.Removed> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("content-cleanup").priority(Thread.MIN_PRIORITY).start(() -> {
            runRetention(counter);   // first, so the clean-up after it also finds what a crash left of a removal
            try {
                // files stored before encryption (decision 1201) are sealed first, once; reads work meanwhile
                counter.contents().sealPlainItemsOnce(() -> stopping);
                done.complete(cleanup.run(() -> stopping));
            } catch (RuntimeException e) {
                LOG.warn("content clean-up failed", e);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /**
     * Retention (decision 1303) runs at start, before the clean-up, and then once a day while the counter stays open
     * (a counter PC is often left on for weeks).
     */
    private void startDailyRetention(CounterWiring counter) {
        if (counter.retention().days() <= 0) {
            return;
        }
        daily = Thread.ofPlatform().daemon().name("retention-daily").priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                while (!stopped.await(Retention.EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                    runRetention(counter);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void runRetention(CounterWiring counter) {
        try {
            counter.retention().run(() -> stopping);
        } catch (RuntimeException e) {
            LOG.warn("retention failed; it is tried again at the next start or day", e);
        }
    }

    /** The start-up clean-up of unreferenced content files (see {@link ContentCleanup}). */
    public CompletableFuture<ContentStore.Removed> contentCleanup() {
        return contentCleanup;
    }

    /** Stops the clean-up and waits for it: it reads the database that is about to close. */
    void stop() {
        stopping = true;
        stopped.countDown();
        try {
            if (daily != null) {
                daily.join(CLEANUP_STOP_SECONDS * 1000);   // a removal under way finishes its dossier
            }
            contentCleanup.get(CLEANUP_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("content clean-up did not finish cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
