package vn.motcua.counter.capture.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.OcrWord;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.pdfa.CapturePdfaWriterTest;
import vn.motcua.counter.capture.pdfa.PdfaCopyWriter;
import vn.motcua.counter.capture.pdfa.VeraPdf;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

class CaptureOcrTest {

    static OcrWorkerPool pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPool() {
        pool = new OcrWorkerPool(OcrSettings.defaults().withWorkers(1));
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    @Test
    void textOfTheProducedCopyIsWithinHalfAPointOfTheTesseractCommandLine() throws Exception {
        var page = TestPageGenerator.generate(Layout.FORM, Scan.of(300, 1.5), 5);
        CleanedPage cleaned = new DefaultPageCleanup().clean(page.image(), 300);
        OcrResult ocr = pool.submit(List.of(new OcrRequest("p1", cleaned.ocrImage(), cleaned.ocrDpi())),
                (id, r) -> { }).completion().get(120, TimeUnit.SECONDS).get("p1");
        assertThat(ocr.words()).hasSizeGreaterThan(100);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfaCopyWriter().write(List.of(CapturedPage.of(cleaned, ocr)), CapturePdfaWriterTest.META, pdf);
        Files.createDirectories(Path.of("target", "capture-out"));
        Files.write(Path.of("target", "capture-out", "ocr-test.pdf"), pdf.toByteArray());
        assertThat(VeraPdf.failures(pdf.toByteArray())).isEmpty();
        String extracted;
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            extracted = new PDFTextStripper().getText(doc);
        }
        // a one-page bilevel copy, text layer included, fits 40 KB: the glyph-less font costs ~1.5 KB, not 12-16
        System.out.printf("single bilevel page with its text layer: %.1f KB%n", pdf.size() / 1024.0);
        assertThat(pdf.size()).isLessThanOrEqualTo(40 * 1024);
        assertWordSelectableWhereItIsPrinted(pdf.toByteArray(), ocr, "KHAI");
        double ours = Cer.of(page.text(), extracted);
        double cli = Cer.of(page.text(), TesseractCli.read(page.image(), 300, dir));
        System.out.printf("CER: copy %.4f, tesseract CLI on the raw scan %.4f%n", ours, cli);
        assertThat(ours).isLessThanOrEqualTo(cli + 0.005);
        assertThat(ours).isLessThan(0.05);
        assertThat(extracted).contains("Hạnh phúc", "KHAI SINH");
    }

    /** Selecting the area where OCR saw {@code word} on the image gives that word, with its diacritics. */
    private static void assertWordSelectableWhereItIsPrinted(byte[] pdf, OcrResult ocr, String word) throws Exception {
        OcrWord w = ocr.words().stream().filter(x -> x.text().equals(word)).findFirst().orElseThrow();
        float scale = 72f / ocr.dpi();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var area = new PDFTextStripperByArea();
            area.addRegion("w", new Rectangle2D.Float(w.x() * scale, w.y() * scale, w.width() * scale,
                    w.height() * scale));
            area.extractRegions(doc.getPage(0));
            assertThat(area.getTextForRegion("w").strip()).isEqualTo(word);
        }
    }

    @Test
    void cancellingMidPageLeavesEveryPageEitherCompleteOrPending() throws Exception {
        List<OcrRequest> pages = new ArrayList<>();
        var cleanup = new DefaultPageCleanup();
        for (int i = 0; i < 3; i++) {
            CleanedPage c = cleanup.clean(TestPageGenerator.generate(Layout.FORM, Scan.of(300, 0.5), 40 + i).image(), 300);
            pages.add(new OcrRequest("page-" + i, c.ocrImage(), c.ocrDpi()));
        }
        // the "store": what a listener persisted, page by page
        Map<String, OcrResult> store = new ConcurrentHashMap<>();
        List<Integer> firstPageProgress = new ArrayList<>();
        CountDownLatch secondPageRunning = new CountDownLatch(1);
        OcrJob job = pool.submit(pages, new OcrListener() {
            @Override
            public void pageProgress(String pageId, int percent) {
                if (pageId.equals("page-0")) {
                    firstPageProgress.add(percent);
                }
                if (pageId.equals("page-1") && percent > 0) {
                    secondPageRunning.countDown();
                }
            }

            @Override
            public void pageDone(String pageId, OcrResult result) {
                store.put(pageId, result);
            }
        });
        assertThat(secondPageRunning.await(120, TimeUnit.SECONDS)).isTrue();
        long cancelledAt = System.nanoTime();
        job.cancel();
        Map<String, OcrResult> results = job.completion().get(30, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - cancelledAt) / 1_000_000;

        assertThat(store).containsOnlyKeys("page-0");
        assertThat(results).containsOnlyKeys("page-0");
        assertThat(store.get("page-0").text()).contains("KHAI SINH");
        assertThat(store.get("page-0").words()).isNotEmpty();
        assertThat(firstPageProgress).isSorted().contains(100);
        // stopped inside Tesseract's recognition, not after finishing the page (a page takes seconds)
        assertThat(stopMillis).isLessThan(1500);
        assertThat(job.isCancelled()).isTrue();
    }
}
