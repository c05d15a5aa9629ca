package vn.motcua.counter.adapters.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import vn.motcua.counter.application.port.PageCapture;
import vn.motcua.counter.application.port.PageText;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.CopyMetadata;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.PageCleanup;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.ocr.OcrJob;
import vn.motcua.counter.capture.ocr.OcrListener;
import vn.motcua.counter.capture.ocr.OcrRequest;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.capture.pdfa.PdfaCopyWriter;

/**
 * The capture package behind the application's port: {@link DefaultPageCleanup}, {@link OcrWorkerPool} (Tesseract,
 * reniced worker threads, one page each) and {@link PdfaCopyWriter}. The copy is written from the stored scans by
 * cleaning them up again (deterministic, ~0.25 s a page) rather than keeping cleaned images in the content store.
 */
public final class TesseractPageCapture implements PageCapture {

    private static final long CANCEL_POLL_MS = 100;

    private final OcrWorkerPool pool;
    private final PageCleanup cleanup = new DefaultPageCleanup();

    public TesseractPageCapture(OcrWorkerPool pool) {
        this.pool = pool;
    }

    @Override
    public int workers() {
        return pool.settings().workers();
    }

    @Override
    public Optional<PageText> read(byte[] scan, BooleanSupplier cancelled) {
        StoredScans.Scan decoded = StoredScans.decode(scan);
        if (cancelled.getAsBoolean()) {
            return Optional.empty();
        }
        CleanedPage page = cleanup.clean(decoded.image(), decoded.dpi());
        if (cancelled.getAsBoolean()) {
            return Optional.empty();
        }
        Optional<OcrResult> result = recognize(page, cancelled);
        return result.map(r -> new PageText(r.text(), page.kind().name(), r.language(), r.meanConfidence(),
                WordBoxes.encode(r)));
    }

    private Optional<OcrResult> recognize(CleanedPage page, BooleanSupplier cancelled) {
        CompletableFuture<OcrResult> outcome = new CompletableFuture<>();
        OcrJob job = pool.submit(List.of(new OcrRequest("page", page.ocrImage(), page.ocrDpi())), new OcrListener() {
            @Override
            public void pageDone(String pageId, OcrResult result) {
                outcome.complete(result);
            }

            @Override
            public void pageFailed(String pageId, Exception error) {
                outcome.completeExceptionally(error);
            }

            @Override
            public void jobFinished(int pagesDone, int pagesTotal, boolean wasCancelled) {
                outcome.complete(null); // cancelled: neither done nor failed
            }
        });
        try {
            while (true) {
                try {
                    return Optional.ofNullable(outcome.get(CANCEL_POLL_MS, TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    if (cancelled.getAsBoolean()) {
                        job.cancel(); // stops Tesseract inside the page; jobFinished follows
                    }
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public byte[] electronicCopy(List<CopyPage> pages, CopyDetails details) {
        List<CapturedPage> captured = new ArrayList<>();
        for (CopyPage page : pages) {
            StoredScans.Scan decoded = StoredScans.decode(page.scan());
            CleanedPage cleaned = cleanup.clean(decoded.image(), decoded.dpi());
            PageText text = page.text();
            OcrResult ocr = text == null ? null
                    : WordBoxes.decode(text.wordBoxes(), text.text(), text.language(), text.meanConfidence());
            captured.add(CapturedPage.of(cleaned, ocr));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfaCopyWriter().write(captured, new CopyMetadata(details.componentName(), details.dossierCode(),
                    details.agency(), details.created()), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        pool.close();
    }
}
