package vn.motcua.counter.capture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.application.capture.FileCopies;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.ocr.Cer;
import vn.motcua.counter.capture.ocr.OcrRequest;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.capture.ocr.TesseractCli;
import vn.motcua.counter.capture.pdfa.CapturePdfaWriterTest;
import vn.motcua.counter.capture.pdfa.PdfaCopyWriter;
import vn.motcua.counter.capture.pdfa.VeraPdf;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

/**
 * Side-by-side benchmark, run with {@code ./mvnw -B -q -Pbench -pl app -am test}: 20 generated 300-dpi scans
 * (saved as scanner-style JPEG q90) through our pipeline and through {@code img2pdf | ocrmypdf -O1 --output-type
 * pdfa -l vie --jobs 2}, both on both cores, in the same run. Not a unit test (no "Test" in its name).
 */
class PipelineBenchmark {

    static final int PAGES = BenchPages.PAGES;
    static final Path OUT = Path.of("target", "bench");

    @Test
    void compareWithOcrmypdf() throws Exception {
        Files.createDirectories(OUT);
        List<Path> scans = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        List<BenchPages.Spec> specs = BenchPages.specs();
        for (int i = 0; i < PAGES; i++) {
            var page = specs.get(i).generate();
            Path file = OUT.resolve(String.format("scan-%02d.jpg", i));
            ImageIO.write(page.image(), "jpeg", file.toFile());
            scans.add(file);
            truth.add(page.text());
        }
        long inputBytes = 0;
        for (Path p : scans) {
            inputBytes += Files.size(p);
        }

        // ---- ours: decode, clean up (2 threads), OCR (2 workers), one PDF/A
        DefaultPageCleanup cleanup = new DefaultPageCleanup();
        warmUp(cleanup);
        long t0 = System.nanoTime();
        List<CleanedPage> cleaned = new ArrayList<>(java.util.Collections.nCopies(PAGES, null));
        long[] cleanMillis = new long[PAGES];
        long[] cleanCpu = new long[PAGES];
        try (OcrWorkerPool pool = new OcrWorkerPool(OcrSettings.defaults().withWorkers(2));
             var cleaners = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                int n = i;
                futures.add(cleaners.submit(() -> {
                    BufferedImage img = read(scans.get(n));
                    var mx = ManagementFactory.getThreadMXBean();
                    long cpu = mx.getCurrentThreadCpuTime();
                    CleanedPage c = cleanup.clean(img, 300);
                    cleanCpu[n] = (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000;
                    cleanMillis[n] = c.millis();
                    cleaned.set(n, c);
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            List<OcrRequest> requests = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                requests.add(new OcrRequest(String.valueOf(i), cleaned.get(i).ocrImage(), cleaned.get(i).ocrDpi()));
            }
            Map<String, OcrResult> ocr = pool.submit(requests, (id, r) -> { }).completion().get(20, TimeUnit.MINUTES);
            List<CapturedPage> pages = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                pages.add(CapturedPage.of(cleaned.get(i), ocr.get(String.valueOf(i))));
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            new PdfaCopyWriter().write(pages, CapturePdfaWriterTest.META, pdf);
            Files.write(OUT.resolve("ours.pdf"), pdf.toByteArray());
        }
        double oursSeconds = (System.nanoTime() - t0) / 1e9;

        // ---- ocrmypdf on the same images
        Path in = OUT.resolve("img2pdf.pdf");
        Path peer = OUT.resolve("ocrmypdf.pdf");
        List<String> img2pdf = new ArrayList<>(List.of("img2pdf", "--pagesize", "A4", "-o", in.toString()));
        scans.forEach(p -> img2pdf.add(p.toString()));
        run(img2pdf);
        long t1 = System.nanoTime();
        run(List.of("ocrmypdf", "-O1", "--output-type", "pdfa", "-l", "vie", "--jobs", "2", in.toString(),
                peer.toString()));
        double peerSeconds = (System.nanoTime() - t1) / 1e9;

        double pipelineSeconds = throughThePipeline(scans);

        Report.print(new Report.Inputs(PAGES, inputBytes, OUT.resolve("ours.pdf"), peer, oursSeconds, peerSeconds,
                truth, cleanMillis, cleanCpu, cleaned.stream().map(CleanedPage::kind).toList(),
                TesseractCli.read(read(scans.get(0)), 300, OUT), VeraPdf.failures(Files.readAllBytes(OUT.resolve("ours.pdf")))));
        assertThat(Files.size(OUT.resolve("ours.pdf"))).isLessThan(Files.size(peer));
        comparePipelineWithLibrary(pipelineSeconds, oursSeconds, peerSeconds);
    }

    /**
     * The same scans through the counter's own entry point ({@code FileCopies}: the window's file import, the page
     * stage's clean-up and OCR on two workers, the copy stage's writer), which {@code motcua ocr} and the background
     * copies use. Its copy is compared with the library path above, which is what {@code motcua ocr} ran before the
     * pipeline had one entry point: same text, size within 2 %.
     */
    private static double throughThePipeline(List<Path> scans) throws Exception {
        long t = System.nanoTime();
        try (FileCopies copies = CounterLauncher.load().fileCopies("vie")) {
            byte[] pdf = copies.make(scans, CapturePdfaWriterTest.META.componentName(), CapturePdfaWriterTest.META.created(),
                    (read, total) -> { }).pdf();
            Files.write(OUT.resolve("pipeline.pdf"), pdf);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static void comparePipelineWithLibrary(double pipelineSeconds, double librarySeconds, double peerSeconds)
            throws IOException {
        long library = Files.size(OUT.resolve("ours.pdf"));
        long pipeline = Files.size(OUT.resolve("pipeline.pdf"));
        String libraryText = text(OUT.resolve("ours.pdf"));
        String pipelineText = text(OUT.resolve("pipeline.pdf"));
        System.out.printf("pipeline entry point (FileCopies, as motcua ocr): %.1f s (library path %.1f s; speed vs "
                        + "ocrmypdf %.1fx, library path %.1fx), %d bytes = %.3fx the library path's copy, text %s%n",
                pipelineSeconds, librarySeconds, peerSeconds / pipelineSeconds, peerSeconds / librarySeconds,
                pipeline, (double) pipeline / library, pipelineText.equals(libraryText) ? "identical" : "DIFFERENT");
        assertThat((double) pipeline / library).isBetween(0.98, 1.02);
        assertThat(pipelineText).isEqualTo(libraryText);
    }

    private static String text(Path pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    /**
     * Every path of the clean-up (bilevel, grey, colour) runs a few times first, so the pages measured run compiled
     * code as in a counter application that has been open for a while; with one warm-up page the first measured
     * pages still ran half-interpreted (up to ~950 ms) and dominated the mean.
     */
    static void warmUp(DefaultPageCleanup cleanup) {
        for (Layout layout : List.of(Layout.FORM, Layout.CERTIFICATE_WITH_SEAL, Layout.ID_CARD)) {
            var page = TestPageGenerator.generate(layout, Scan.of(300, 1), 1).image();
            for (int i = 0; i < 4; i++) {
                cleanup.clean(page, 300);
            }
        }
    }

    static BufferedImage read(Path p) {
        try {
            return ImageIO.read(p.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed: " + out);
        }
        return out;
    }

    static double cer(String truth, String text) {
        return Cer.of(truth, text);
    }
}
