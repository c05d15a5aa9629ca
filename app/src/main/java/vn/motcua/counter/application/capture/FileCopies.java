package vn.motcua.counter.application.capture;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.PageCapture;
import vn.motcua.counter.application.port.PageFiles;

/**
 * {@code motcua ocr}: the counter's capture pipeline on files, without a dossier. The files are read as pages the way
 * the window imports them ({@link PageFiles}), each page is cleaned up and OCR'd the way the page stage reads it, and
 * the copy is written the way the copy stage writes it ({@link PageCapture}); only the stage table is left out.
 */
public final class FileCopies implements AutoCloseable {

    private final PageFiles files;
    private final PageCapture capture;

    public FileCopies(PageFiles files, PageCapture capture) {
        this.files = files;
        this.capture = capture;
    }

    /** One page of the copy as reported to scripts; {@code ocrFailed}: it is in the copy as an image only. */
    public record PageReport(int page, String source, String kind, double skewDegrees, int quarterTurns,
                             boolean blankSuspected, int words, float meanConfidence, boolean ocrFailed) {
    }

    /** Pages read so far of all the files' pages. */
    @FunctionalInterface
    public interface Progress {
        void pageRead(int read, int total);
    }

    public record FileCopy(byte[] pdf, List<PageReport> pages) {

        public boolean allRead() {
            return pages.stream().noneMatch(PageReport::ocrFailed);
        }
    }

    /**
     * Reads every page of {@code inputs}, in order, and writes one PDF/A-2u copy titled {@code title}.
     * {@code pageRead} is called after each page, from the reading threads.
     *
     * @throws CounterException naming the file that cannot be read as pages, before any page is OCR'd
     */
    public FileCopy make(List<Path> inputs, String title, ZonedDateTime created, Progress pageRead)
            throws InterruptedException {
        record Source(String file, byte[] scan) {
        }
        List<Source> sources = new ArrayList<>();
        for (Path input : inputs) {
            files.pages(input).forEach(page -> sources.add(new Source(input.getFileName().toString(), page)));
        }
        AtomicInteger read = new AtomicInteger();
        List<PageCapture.ReadPage> pages = new ArrayList<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(capture.workers(), sources.size())))) {
            List<Future<PageCapture.ReadPage>> reading = new ArrayList<>();
            for (Source source : sources) {
                reading.add(readers.submit(() -> {
                    PageCapture.ReadPage page = capture.read(source.scan(), () -> false).orElseThrow();
                    pageRead.pageRead(read.incrementAndGet(), sources.size());
                    return page;
                }));
            }
            for (Future<PageCapture.ReadPage> page : reading) {
                pages.add(page.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        List<PageCapture.CopyPage> copyPages = new ArrayList<>();
        List<PageReport> reports = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            PageCapture.ReadPage page = pages.get(i);
            byte[] scan = sources.get(i).scan();
            copyPages.add(new PageCapture.CopyPage(() -> scan, page.image(), page.text()));
            PageCapture.Findings f = page.findings();
            reports.add(new PageReport(i + 1, sources.get(i).file(), f.kind(), f.skewDegrees(), f.quarterTurns(),
                    f.blankSuspected(), f.words(), page.text() == null ? 0 : page.text().meanConfidence(),
                    page.text() == null));
        }
        byte[] pdf = capture.electronicCopy(copyPages, new PageCapture.CopyDetails(title, "", "", created));
        return new FileCopy(pdf, reports);
    }

    /** Stops the OCR workers. */
    @Override
    public void close() {
        capture.close();
    }
}
