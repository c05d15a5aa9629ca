package vn.motcua.counter.adapters.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.motcua.counter.adapters.images.ImageIoPageImages;
import vn.motcua.counter.application.port.PageCapture.CopyDetails;
import vn.motcua.counter.application.port.PageCapture.CopyPage;
import vn.motcua.counter.application.port.PageCapture.ReadPage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.PageCleanup;
import vn.motcua.counter.capture.PageKind;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.capture.pdfa.VeraPdf;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

/**
 * The background capture's adapter with real Tesseract {@code vie}, the real clean-up and veraPDF: each page is
 * cleaned up once (for OCR) and the copy is made from the image kept then; the copy's pages have the paper's size
 * from the resolution the page was scanned at.
 */
class CaptureCopyImagesTest {

    private static final float A5_WIDTH_PT = 148 / 25.4f * 72;
    private static final float A5_HEIGHT_PT = 210 / 25.4f * 72;
    private static final CopyDetails DETAILS = new CopyDetails("Tờ khai", "000.00.00.H26-261123-0001",
            "Ủy ban nhân dân", ZonedDateTime.parse("2026-11-23T09:30+07:00"));

    private static final AtomicInteger CLEANUPS = new AtomicInteger();
    private static TesseractPageCapture capture;
    private final ImageIoPageImages images = new ImageIoPageImages();

    @BeforeAll
    static void start() {
        PageCleanup real = new DefaultPageCleanup();
        PageCleanup counted = new PageCleanup() {
            @Override
            public CleanedPage clean(BufferedImage scan, int dpi) {
                CLEANUPS.incrementAndGet();
                return real.clean(scan, dpi);
            }

            @Override
            public CleanedPage clean(BufferedImage scan, int dpi, PageKind forcedKind) {
                CLEANUPS.incrementAndGet();
                return real.clean(scan, dpi, forcedKind);
            }
        };
        capture = new TesseractPageCapture(new OcrWorkerPool(OcrSettings.defaults().withWorkers(1)), counted);
    }

    @AfterAll
    static void stop() {
        capture.close();
    }

    @Test
    @Timeout(120)
    void eachPageIsCleanedOnceAndTheCopyIsMadeFromTheImageKeptThen() throws Exception {
        List<byte[]> scans = List.of(
                images.encode(TestPageGenerator.generate(Layout.FORM, Scan.of(200, 1.5), 11).image(), 200),
                images.encode(TestPageGenerator.generate(Layout.CERTIFICATE_WITH_SEAL, Scan.of(200, 0.7), 12).image(),
                        200));
        int before = CLEANUPS.get();
        List<CopyPage> pages = new ArrayList<>();
        for (byte[] scan : scans) {
            ReadPage read = capture.read(scan, () -> false).orElseThrow();
            pages.add(new CopyPage(() -> {
                throw new AssertionError("the scan was read again for the copy");
            }, read.image(), read.text()));
        }
        assertThat(pages).extracting(p -> p.text().kind()).containsExactly("BILEVEL", "COLOUR");

        byte[] pdf = capture.electronicCopy(pages, DETAILS);

        assertThat(CLEANUPS.get() - before).as("clean-ups for two pages read and copied").isEqualTo(2);
        assertThat(VeraPdf.failures(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(doc)).contains("KHAI SINH");
            PDFRenderer renderer = new PDFRenderer(doc);
            // the bilevel page went PNG → G4 without turning negative; the seal page kept its red
            assertThat(inkShare(renderer.renderImageWithDPI(0, 50))).isBetween(0.005, 0.3);
            assertThat(redPixels(renderer.renderImageWithDPI(1, 50))).isGreaterThan(50);
        }
    }

    @Test
    @Timeout(120)
    void anA5PageScannedAt200DpiGivesAnA5PageEvenAfterTurningIt() throws Exception {
        byte[] scanned = images.encode(a5Page(200), 200);
        byte[] turned = images.rotateClockwise(images.rotateClockwise(scanned)); // upside down; clean-up rights it

        ReadPage read = capture.read(turned, () -> false).orElseThrow();
        assertThat(read.image().dpi()).isEqualTo(200);
        byte[] pdf = capture.electronicCopy(List.of(new CopyPage(() -> turned, read.image(), read.text())), DETAILS);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle page = doc.getPage(0).getMediaBox();
            // a guess from A4 would have made it 150 dpi: 559 × 794 pt
            assertThat(page.getWidth()).isCloseTo(A5_WIDTH_PT, within(A5_WIDTH_PT * 0.02f));
            assertThat(page.getHeight()).isCloseTo(A5_HEIGHT_PT, within(A5_HEIGHT_PT * 0.02f));
        }
    }

    @Test
    @Timeout(120)
    void aPageWithoutAKeptImageIsCleanedForTheCopyAtItsOwnResolution() throws Exception {
        byte[] scanned = images.encode(a5Page(300), 300);
        ReadPage read = capture.read(scanned, () -> false).orElseThrow();
        int before = CLEANUPS.get();

        // as for a page read before the image was kept: the copy cleans the scan up again
        byte[] pdf = capture.electronicCopy(List.of(new CopyPage(() -> scanned, null, read.text())), DETAILS);

        assertThat(CLEANUPS.get() - before).isEqualTo(1);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(A5_HEIGHT_PT,
                    within(A5_HEIGHT_PT * 0.02f));
        }
    }

    /** A white A5 sheet with a few lines of Vietnamese text. */
    private static BufferedImage a5Page(int dpi) {
        BufferedImage page = new BufferedImage(Math.round(148 / 25.4f * dpi), Math.round(210 / 25.4f * dpi),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, dpi * 12 / 72));
        String[] lines = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "GIẤY XÁC NHẬN", "Họ và tên: Nguyễn Thị Hồng Nhung", "Nơi cư trú: phường Hoàn Kiếm, Hà Nội"};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], dpi * 3 / 4, dpi + i * dpi / 3);
        }
        g.dispose();
        return page;
    }

    private static double inkShare(BufferedImage page) {
        long dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) page.getWidth() * page.getHeight());
    }

    private static int redPixels(BufferedImage page) {
        int red = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int gr = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r > 150 && gr < 100 && b < 100) {
                    red++;
                }
            }
        }
        return red;
    }
}
