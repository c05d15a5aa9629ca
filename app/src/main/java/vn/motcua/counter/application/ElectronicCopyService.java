package vn.motcua.counter.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.CaptureStore.CaptureCounts;
import vn.motcua.counter.application.port.CaptureStore.ComponentPages;
import vn.motcua.counter.application.port.CaptureStore.PendingPage;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.PageCapture;
import vn.motcua.counter.application.port.PageText;

/**
 * Completes received dossiers in the background: every PENDING page is cleaned up, OCR'd, stored and indexed (one
 * transaction per page); when a component has no pending page left its PDF/A copy is written to the content store
 * and recorded. The receipt never waits for this. Stopping cancels the pages being read, which stay PENDING, and
 * {@link #start()} picks them up again after a restart.
 */
public final class ElectronicCopyService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElectronicCopyService.class);
    private static final long STOP_WAIT_SECONDS = 20;

    private final CaptureStore store;
    private final ContentStore contents;
    private final PageCapture capture;
    private final String agencyName;
    private final Clock clock;
    private final BlockingQueue<PendingPage> queue = new LinkedBlockingQueue<>();
    /** Pages queued or being read, so a refill never queues a page twice. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ExecutorService readers;
    /** Copies are written one at a time, so two pages finishing together cannot write a component twice. */
    private ExecutorService writer;
    private volatile boolean stopping;
    /** Held by {@link #pause()}: readers wait on {@link #pauseLock}; the page being read is put back as PENDING. */
    private volatile boolean paused;
    private final Object pauseLock = new Object();

    public ElectronicCopyService(CaptureStore store, ContentStore contents, PageCapture capture, String agencyName,
                                 Clock clock) {
        this.store = store;
        this.contents = contents;
        this.capture = capture;
        this.agencyName = agencyName;
        this.clock = clock;
    }

    /** Starts the workers and queues what a previous run left: pending pages and components without their copy. */
    public synchronized void start() {
        if (readers != null) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        readers = Executors.newFixedThreadPool(capture.workers(), r -> background(r, "capture-" + n.incrementAndGet()));
        writer = Executors.newSingleThreadExecutor(r -> background(r, "copy-writer"));
        for (int i = 0; i < capture.workers(); i++) {
            readers.execute(this::readPages);
        }
        store.clearCopyFailures(); // what failed last run is tried again
        store.componentsAwaitingCopy().forEach(this::writeCopyLater);
        wake();
    }

    /** Queues pages that became pending (a dossier was just received). Cheap; call it after every reception. */
    public void wake() {
        if (stopping || readers == null) {
            return;
        }
        boolean more = false;
        for (PendingPage page : store.pendingPages()) {
            if (queued.add(page.pageId())) {
                queue.add(page);
                more = true;
            }
        }
        if (more) {
            notifyListeners(); // a progress display shows the new pages before the first is read
        }
    }

    /** Pages pending, done and failed, and components still without their copy, for a progress display. */
    public CaptureCounts progress() {
        return store.counts();
    }

    /**
     * Called on a background thread after each page read, each copy written and each pause or resume. Returns what
     * stops the calls (a screen that is rebuilt must not leave its old listener behind).
     */
    public Runnable onProgress(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Stops reading pages until {@link #resume()} (a supervisor who needs the PC's cores now): the pages being read
     * are cancelled and stay PENDING, as on closing. Copies already due are still written.
     */
    public void pause() {
        paused = true;
        notifyListeners();
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
        wake(); // the pages cancelled by the pause are pending again
        notifyListeners();
    }

    public boolean paused() {
        return paused;
    }

    private void readPages() {
        while (!stopping) {
            PendingPage page;
            try {
                synchronized (pauseLock) {
                    while (paused) {
                        pauseLock.wait();
                    }
                }
                page = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                readPage(page);
            } finally {
                queued.remove(page.pageId());
            }
        }
    }

    private void readPage(PendingPage page) {
        try {
            var read = capture.read(contents.read(page.contentId()), () -> stopping || paused);
            if (read.isEmpty() || stopping) {
                return; // cancelled (closing or paused): nothing stored, the page stays PENDING
            }
            // the image first, complete or absent; a stop before the row is written leaves only an unreferenced
            // file, which the content store's clean-up removes
            String image = contents.put(read.get().image().bytes());
            store.saveText(page.pageId(), read.get().text(), image, read.get().image().dpi(), now());
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the store may be closing; the page stays PENDING and is read again next start
            }
            LOG.warn("OCR of page {} ({}) failed", page.pageId(), page.contentId(), e);
            store.saveFailure(page.pageId(), String.valueOf(e), now());
        }
        notifyListeners();
        writeCopyLater(page.componentId());
    }

    private void writeCopyLater(long componentId) {
        if (!stopping) {
            writer.execute(() -> writeCopy(componentId));
        }
    }

    private void writeCopy(long componentId) {
        if (stopping) {
            return;
        }
        try {
            store.readyForCopy(componentId).ifPresent(this::writeCopy);
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            // left without a copy: componentsAwaitingCopy() offers it again at the next start
            LOG.warn("electronic copy of component {} failed", componentId, e);
            store.saveCopyFailure(componentId, String.valueOf(e), now());
            notifyListeners();
        }
    }

    private void writeCopy(ComponentPages component) {
        List<PageCapture.CopyPage> pages = component.pages().stream()
                .map(p -> new PageCapture.CopyPage(() -> contents.read(p.contentId()), p.copyImageId() == null ? null
                        : new PageCapture.CopyImage(contents.read(p.copyImageId()), p.copyImageDpi()), p.text()))
                .toList();
        LocalDateTime madeAt = now();
        byte[] pdf = capture.electronicCopy(pages, new PageCapture.CopyDetails(component.componentName(),
                component.dossierCode(), agencyName, ZonedDateTime.of(madeAt, clock.getZone())));
        if (stopping) {
            return;
        }
        String id = contents.put(pdf); // complete or absent (content store), then recorded
        int failed = (int) component.pages().stream().filter(p -> p.text() == null).count();
        store.saveCopy(component.componentId(), id, pdf.length, pages.size(), failed, madeAt);
        LOG.info("electronic copy of {} / {}: {} pages, {} bytes", component.dossierCode(),
                component.componentName(), pages.size(), pdf.length);
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("capture progress listener failed", e);
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Thread background(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // the clerk's screen first
        return t;
    }

    /** Cancels the pages being read (they stay PENDING) and waits for the workers, so the store can be closed. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (readers != null) {
            readers.shutdownNow();
            writer.shutdownNow();
            try {
                if (!readers.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)
                        || !writer.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("capture workers still running after {} s", STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        capture.close();
    }
}
