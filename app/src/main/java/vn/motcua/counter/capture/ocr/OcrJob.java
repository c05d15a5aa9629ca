package vn.motcua.counter.capture.ocr;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.counter.capture.OcrResult;

/** A batch of pages being read. Cancel stops the pages in progress mid-recognition and skips the rest. */
public final class OcrJob {

    private final int total;
    private final OcrListener listener;
    private final Map<String, OcrResult> results = new ConcurrentHashMap<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final CompletableFuture<Map<String, OcrResult>> completion = new CompletableFuture<>();
    private volatile boolean cancelled;

    OcrJob(int total, OcrListener listener) {
        this.total = total;
        this.listener = listener;
        if (total == 0) {
            finish();
        }
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public int totalPages() {
        return total;
    }

    public int pagesDone() {
        return results.size();
    }

    /** Completes with the pages that were read (all of them unless cancelled or failed). */
    public CompletableFuture<Map<String, OcrResult>> completion() {
        return completion;
    }

    void done(String pageId, OcrResult result) {
        results.put(pageId, result);
        listener.pageDone(pageId, result);
    }

    void pageFinished() {
        if (finished.incrementAndGet() == total) {
            finish();
        }
    }

    private void finish() {
        try {
            listener.jobFinished(results.size(), total, cancelled);
        } finally {
            completion.complete(Map.copyOf(results));
        }
    }
}
