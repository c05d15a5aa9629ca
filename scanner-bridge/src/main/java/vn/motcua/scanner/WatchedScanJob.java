package vn.motcua.scanner;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job run on its own thread; every driver call goes through {@link DriverCall} on a separate driver thread, so
 * a hung or crashing driver ends the job (DRIVER_HUNG / DRIVER_CRASHED) instead of the application. Each page is
 * given to the listener before any later outcome is looked at: a jam at page 9 leaves pages 1-8 stored.
 */
final class WatchedScanJob implements ScanJob {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedScanJob.class);
    private static final AtomicInteger JOB_NUMBERS = new AtomicInteger();

    private final ScannerDriver driver;
    private final ScannerDevice device;
    private final ScanSettings settings;
    private final ScanListener listener;
    private final Watchdog watchdog;
    private final int jobNumber = JOB_NUMBERS.incrementAndGet();
    private final ExecutorService driverThread;
    private final CompletableFuture<ScanResult> completion = new CompletableFuture<>();
    private final AtomicInteger pages = new AtomicInteger();
    private volatile ScanJobState state = ScanJobState.STARTING;
    private volatile boolean cancelRequested;
    private volatile ScanSession session;

    WatchedScanJob(ScannerDriver driver, ScannerDevice device, ScanSettings settings, ScanListener listener,
                   Watchdog watchdog) {
        this.driver = driver;
        this.device = device;
        this.settings = settings;
        this.listener = listener;
        this.watchdog = watchdog;
        this.driverThread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("scan-driver-" + jobNumber).factory());
    }

    void start() {
        Thread.ofPlatform().daemon().name("scan-job-" + jobNumber).start(this::run);
    }

    private void run() {
        ScanResult result;
        try {
            result = scanBatch();
        } catch (RuntimeException | Error e) {
            LOG.error("Scan job {} failed unexpectedly", jobNumber, e);
            result = ScanResult.failed(pages.get(), ScanError.DRIVER_CRASHED,
                    e.toString());
        }
        // A hung driver will not close either: report at once and let the close run out in the background.
        // Otherwise wait for the close, so the next job finds the device released.
        boolean driverStuck = result.error() == ScanError.DRIVER_HUNG;
        if (driverStuck) {
            finish(result);
            closeSession();
        } else {
            closeSession();
            finish(result);
        }
    }

    private ScanResult scanBatch() {
        LOG.info("Scan job {} starts on {} with {}", jobNumber, device.id(), settings);
        try {
            session = call("open", watchdog.open(), () -> driver.open(device, settings));
            if (cancelRequested) {
                return ScanResult.cancelled(pages.get());
            }
            changeState(ScanJobState.SCANNING);
            // The driver reads page n+1 while the listener stores page n; the listener still sees pages in order
            // and every page before a failure.
            Future<Optional<ScannedPage>> pending = driverThread.submit(session::nextPage);
            long pendingSince = System.nanoTime();
            while (true) {
                Optional<ScannedPage> page = DriverCall.await(pending, pendingSince,
                        driver.name() + " page " + (pages.get() + 1), watchdog.page(), () -> cancelRequested,
                        watchdog.cancelGrace());
                if (page.isEmpty()) {
                    return cancelRequested ? ScanResult.cancelled(pages.get()) : ScanResult.completed(pages.get());
                }
                if (!cancelRequested) {
                    pending = driverThread.submit(session::nextPage);
                    pendingSince = System.nanoTime();
                }
                // A complete page is kept even when a cancel arrived while it was being read.
                ScanResult notStored = deliver(page.get());
                if (notStored != null) {
                    session.cancel();
                    return notStored;
                }
                if (cancelRequested) {
                    return ScanResult.cancelled(pages.get());
                }
            }
        } catch (ScanException e) {
            if (cancelRequested || e.error() == ScanError.CANCELLED) {
                return ScanResult.cancelled(pages.get());
            }
            LOG.warn("Scan job {} on {} stopped after {} pages: {}", jobNumber, device.id(), pages.get(),
                    e.getMessage());
            return ScanResult.failed(pages.get(), e.error(), e.getMessage());
        }
    }

    private ScanResult deliver(ScannedPage page) {
        try {
            listener.pageScanned(page);
            pages.incrementAndGet();
            return null;
        } catch (Exception e) {
            LOG.error("Scan job {}: page {} could not be stored", jobNumber, page.pageNumber(), e);
            return ScanResult.failed(pages.get(), ScanError.PAGE_NOT_STORED, e.toString());
        }
    }

    private <T> T call(String what, Duration limit, java.util.concurrent.Callable<T> call) throws ScanException {
        return DriverCall.run(driverThread, driver.name() + " " + what, limit, call, () -> cancelRequested,
                watchdog.cancelGrace());
    }

    /** Closing may hang like any driver call; it runs on its own thread with the cancel grace as its limit. */
    private void closeSession() {
        ScanSession current = session;
        driverThread.shutdownNow();
        if (current == null) {
            return;
        }
        Thread closer = Thread.ofPlatform().daemon().name("scan-close-" + jobNumber).start(() -> {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.warn("Scan job {}: closing the session failed: {}", jobNumber, e.toString());
            }
        });
        try {
            if (!closer.join(watchdog.cancelGrace())) {
                LOG.warn("Scan job {}: driver did not close within {}; abandoned", jobNumber, watchdog.cancelGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(ScanResult result) {
        LOG.info("Scan job {} on {} ended {} with {} pages", jobNumber, device.id(), result.state(), result.pages());
        changeState(result.state());
        completion.complete(result);
    }

    private void changeState(ScanJobState newState) {
        state = newState;
        try {
            listener.stateChanged(newState);
        } catch (RuntimeException e) {
            LOG.warn("Scan job {}: state listener threw {}", jobNumber, e.toString());
        }
    }

    @Override
    public void cancel() {
        if (state.isFinal() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        ScanSession current = session;
        if (current != null) {
            // On its own thread: a hung driver must not block the clerk's "Huỷ" button.
            Thread.ofVirtual().name("scan-cancel-" + jobNumber).start(current::cancel);
        }
    }

    @Override
    public ScannerDevice device() {
        return device;
    }

    @Override
    public ScanSettings settings() {
        return settings;
    }

    @Override
    public ScanJobState state() {
        return state;
    }

    @Override
    public int pagesDelivered() {
        return pages.get();
    }

    @Override
    public CompletableFuture<ScanResult> completion() {
        return completion;
    }
}
