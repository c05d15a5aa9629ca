package vn.motcua.counter.capture.ocr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.counter.capture.OcrResult;

/**
 * Background OCR: a fixed set of daemon threads, each with its own Tesseract instance, one page per thread at a
 * time, reniced below the UI thread. Pages from all jobs share the workers in submission order.
 */
public final class OcrWorkerPool implements AutoCloseable {

    /** Linux nice value for OCR threads: the JavaFX thread (nice 0) always wins a contended core. */
    static final int NICE = 10;

    private final OcrSettings settings;
    private final ExecutorService executor;
    private final Map<Thread, OcrEngine> engines = new ConcurrentHashMap<>();
    private final ThreadLocal<OcrEngine> engine;

    public OcrWorkerPool(OcrSettings settings) {
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(() -> {
                NativeTesseract.niceCurrentThread(NICE);
                r.run();
            }, "ocr-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(settings.workers(), threads);
        this.engine = ThreadLocal.withInitial(() -> {
            OcrEngine e = new TesseractOcrEngine(settings.tessdata(), settings.language());
            engines.put(Thread.currentThread(), e);
            return e;
        });
    }

    public OcrSettings settings() {
        return settings;
    }

    public OcrJob submit(List<OcrRequest> pages, OcrListener listener) {
        OcrJob job = new OcrJob(pages.size(), listener);
        for (OcrRequest page : pages) {
            executor.execute(() -> run(job, page, listener));
        }
        return job;
    }

    private void run(OcrJob job, OcrRequest page, OcrListener listener) {
        try {
            if (job.isCancelled()) {
                return;
            }
            OcrResult result = engine.get().recognize(page.image(), page.dpi(), job::isCancelled,
                    percent -> listener.pageProgress(page.pageId(), percent));
            if (!job.isCancelled()) {
                job.done(page.pageId(), result);
            }
        } catch (OcrCancelledException e) {
            // the page stays pending
        } catch (RuntimeException e) {
            listener.pageFailed(page.pageId(), e);
        } finally {
            job.pageFinished();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engines.values().forEach(OcrEngine::close);
        engines.clear();
    }
}
