package vn.motcua.counter.capture.pdfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.CopyMetadata;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.OcrWord;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

public class CapturePdfaWriterTest {

    public static final CopyMetadata META = new CopyMetadata("Tờ khai đăng ký khai sinh", "000.00.12.H29-261121-0001",
            "UBND phường Bến Nghé", ZonedDateTime.of(2026, 11, 21, 9, 30, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")));

    /** Kept under target/ so a person can render and look at it (see app/CAPTURE.md). */
    static final Path OUT = Path.of("target", "capture-out");

    @Test
    void bilevelAndSealPagesMakeACompactValidPdfaWithAVietnameseTextLayer() throws Exception {
        var cleanup = new DefaultPageCleanup();
        CleanedPage form = cleanup.clean(TestPageGenerator.generate(Layout.FORM, Scan.of(300, 1.5), 2).image(), 300);
        CleanedPage seal = cleanup.clean(
                TestPageGenerator.generate(Layout.CERTIFICATE_WITH_SEAL, Scan.of(300, 0.8), 3).image(), 300);
        // a word box where the layer must put "Thành phố Hồ Chí Minh" (test input, not OCR output)
        OcrResult words = new OcrResult("Thành phố Hồ Chí Minh", List.of(
                new OcrWord("Thành", 300, 400, 160, 50, 440, 95),
                new OcrWord("phố", 480, 400, 100, 50, 440, 95),
                new OcrWord("Hồ", 600, 400, 70, 50, 440, 95),
                new OcrWord("Chí", 690, 400, 80, 50, 440, 95),
                new OcrWord("Minh", 790, 400, 130, 50, 440, 95)),
                form.copyImage().getWidth(), form.copyImage().getHeight(), 300, "vie", 95);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfaCopyWriter().write(List.of(CapturedPage.of(form, words), CapturedPage.of(seal, null)), META, out);
        byte[] pdf = out.toByteArray();
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("writer-test.pdf"), pdf);

        assertThat(VeraPdf.failures(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            // 100% scale: A4 in points whatever the resolution of the page image
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(590f, 600f);
            assertThat(doc.getPage(1).getMediaBox().getHeight()).isBetween(836f, 848f);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Tờ khai đăng ký khai sinh");
            assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8"))
                    .contains("000.00.12.H29-261121-0001", "UBND phường Bến Nghé", "pdfaid:part");
            assertThat(new PDFTextStripper().getText(doc)).contains("Thành phố Hồ Chí Minh");
            // the words sit where their boxes are: 300 px at 300 dpi = 72 pt from the left, 400 px = 96 pt down
            var area = new PDFTextStripperByArea();
            area.addRegion("box", new java.awt.geom.Rectangle2D.Float(70, 94, 160, 16));
            area.extractRegions(doc.getPage(0));
            assertThat(area.getTextForRegion("box")).contains("Thành phố");
        }
        // G4 keeps the bilevel page tiny; the colour seal page is JPEG at 200 dpi
        assertThat(pdf.length).isLessThan(40_000 + 150_000);
    }
}
