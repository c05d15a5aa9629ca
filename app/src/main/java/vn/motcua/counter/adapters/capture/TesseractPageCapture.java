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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.PageCapture;
import vn.motcua.counter.application.port.PageText;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.CopyMetadata;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.PageCleanup;
import vn.motcua.counter.capture.PageKind;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.ocr.OcrJob;
import vn.motcua.counter.capture.ocr.OcrListener;
import vn.motcua.counter.capture.ocr.OcrRequest;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.capture.pdfa.PdfaCopyWriter;
import vn.motcua.counter.capture.pdfa.PdfaCopyWriter.EncodedPage;

/**
 * The capture package behind the application's port: {@link DefaultPageCleanup}, {@link OcrWorkerPool} (Tesseract,
 * reniced worker threads, one page each) and {@link PdfaCopyWriter}. Each page is cleaned up once: {@link #read}
 * returns its cleaned image encoded as the copy holds it (JPEG, or a 1-bit PNG for bilevel pages), which the
 * application stores and hands back to {@link #electronicCopy}.
 */
public final class TesseractPageCapture implements PageCapture {

    private static final Logger LOG = LoggerFactory.getLogger(TesseractPageCapture.class);
    private static final long CANCEL_POLL_MS = 100;

    private final OcrWorkerPool pool;
    private final PageCleanup cleanup;

    public TesseractPageCapture(OcrWorkerPool pool) {
        this(pool, new DefaultPageCleanup());
    }

    /** With another clean-up (a test counts how often pages are cleaned). */
    public TesseractPageCapture(OcrWorkerPool pool, PageCleanup cleanup) {
        this.pool = pool;
        this.cleanup = cleanup;
    }

    @Override
    public int workers() {
        return pool.settings().workers();
    }

    @Override
    public Optional<ReadPage> read(byte[] scan, BooleanSupplier cancelled) {
        StoredScans.Scan decoded = StoredScans.decode(scan);
        if (cancelled.getAsBoolean()) {
            return Optional.empty();
        }
        CleanedPage page = cleanup.clean(decoded.image(), decoded.dpi());
        if (cancelled.getAsBoolean()) {
            return Optional.empty();
        }
        OcrResult r;
        try {
            Optional<OcrResult> result = recognize(page, cancelled);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            r = result.get();
        } catch (RuntimeException e) {
            if (cancelled.getAsBoolean()) {
                return Optional.empty();
            }
            LOG.warn("OCR failed on a {} page", page.kind(), e);
            r = null;
        }
        EncodedPage image = encode(CapturedPage.of(page, null));
        Findings findings = new Findings(page.kind().name(), page.skewDegrees(), page.quarterTurns(),
                page.blankSuspected(), r == null ? 0 : r.words().size());
        PageText text = r == null ? null : new PageText(r.text(), page.kind().name(), r.language(),
                r.meanConfidence(), WordBoxes.encode(r));
        return Optional.of(new ReadPage(text, new CopyImage(image.bytes(), image.dpi(), image.kind().name()),
                findings));
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

    /** Pages read since V7 come with their cleaned image; older ones and pages whose OCR failed are cleaned here. */
    @Override
    public byte[] electronicCopy(List<CopyPage> pages, CopyDetails details) {
        List<EncodedPage> images = new ArrayList<>();
        List<OcrResult> texts = new ArrayList<>();
        for (CopyPage page : pages) {
            PageText text = page.text();
            if (page.image() != null) {
                images.add(new EncodedPage(PageKind.valueOf(page.image().kind()), page.image().dpi(),
                        page.image().bytes()));
            } else {
                StoredScans.Scan decoded = StoredScans.decode(page.scan().get());
                images.add(encode(CapturedPage.of(cleanup.clean(decoded.image(), decoded.dpi()), null)));
            }
            texts.add(text == null ? null
                    : WordBoxes.decode(text.wordBoxes(), text.text(), text.language(), text.meanConfidence()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfaCopyWriter().writeEncoded(images, texts, new CopyMetadata(details.componentName(),
                    details.dossierCode(), details.agency(), details.created()), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static EncodedPage encode(CapturedPage page) {
        try {
            return PdfaCopyWriter.encode(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
