package vn.motcua.counter.capture.pdfa;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CopyMetadata;
import vn.motcua.counter.capture.ElectronicCopyWriter;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.PageKind;

/**
 * PDF/A-2u electronic copies with PDFBox: each page is one image compressed by its kind (CCITT G4 for bilevel,
 * JPEG for grey and colour) at its own resolution, so the page size is the paper size (100% scale), plus an
 * invisible text layer in a glyph-less font whose codes are Unicode ({@link InvisibleTextFont}).
 */
public final class PdfaCopyWriter implements ElectronicCopyWriter {

    /** Keeps 10-point text and the seal's ring lettering legible at 200 dpi; see docs/decisions/0301-capture.md. */
    public static final float COLOUR_JPEG_QUALITY = 0.55f;
    public static final float GREY_JPEG_QUALITY = 0.6f;

    /**
     * A cleaned page's image as the copy holds it, made once when the page is read and kept in the content store, so
     * the copy needs no second clean-up: JPEG for grey and colour (the very bytes that go into the PDF), a 1-bit PNG
     * for bilevel (G4 is encoded from it losslessly when the copy is written).
     */
    public record EncodedPage(PageKind kind, int dpi, byte[] bytes) {
    }

    public static EncodedPage encode(CapturedPage page) throws IOException {
        byte[] bytes = switch (page.kind()) {
            case BILEVEL -> {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(page.image(), "png", png);
                yield png.toByteArray();
            }
            case GREY -> JpegEncoder.encode(page.image(), GREY_JPEG_QUALITY);
            case COLOUR -> JpegEncoder.encode(page.image(), COLOUR_JPEG_QUALITY);
        };
        return new EncodedPage(page.kind(), page.dpi(), bytes);
    }

    @Override
    public void write(List<CapturedPage> pages, CopyMetadata metadata, OutputStream out) throws IOException {
        write(pages, metadata, out, (doc, page) -> page.kind() == PageKind.BILEVEL
                ? CCITTFactory.createFromImage(doc, page.image())
                : JPEGFactory.createFromByteArray(doc, encode(page).bytes()), CapturedPage::dpi, CapturedPage::ocr);
    }

    /** The copy from pages encoded earlier, each with its OCR result or null; same order rules as {@link #write}. */
    public void writeEncoded(List<EncodedPage> pages, List<OcrResult> ocr, CopyMetadata metadata, OutputStream out)
            throws IOException {
        if (pages.size() != ocr.size()) {
            throw new IllegalArgumentException("one OCR result (or null) per page");
        }
        List<Encoded> withText = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            withText.add(new Encoded(pages.get(i), ocr.get(i)));
        }
        write(withText, metadata, out, (doc, page) -> page.image().kind() == PageKind.BILEVEL
                ? CCITTFactory.createFromImage(doc, ImageIO.read(new ByteArrayInputStream(page.image().bytes())))
                : JPEGFactory.createFromByteArray(doc, page.image().bytes()), p -> p.image().dpi(), Encoded::ocr);
    }

    private record Encoded(EncodedPage image, OcrResult ocr) {
    }

    @FunctionalInterface
    private interface PageImage<P> {
        PDImageXObject create(PDDocument doc, P page) throws IOException;
    }

    private static <P> void write(List<P> pages, CopyMetadata metadata, OutputStream out, PageImage<P> image,
                                  ToIntFunction<P> dpi, Function<P, OcrResult> ocr) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("an electronic copy needs at least one page");
        }
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            InvisibleTextFont font = InvisibleTextFont.create(doc);
            for (P page : pages) {
                addPage(doc, font, image.create(doc, page), dpi.applyAsInt(page), ocr.apply(page));
            }
            font.finish();
            PdfaMetadata.apply(doc, metadata);
            doc.save(out);
        }
    }

    /** The page is the image's size at its resolution: 100% scale, as Decree 30/2020 asks. */
    private static void addPage(PDDocument doc, InvisibleTextFont font, PDImageXObject image, int dpi, OcrResult ocr)
            throws IOException {
        float width = image.getWidth() * 72f / dpi;
        float height = image.getHeight() * 72f / dpi;
        PDPage pdPage = new PDPage(new PDRectangle(width, height));
        doc.addPage(pdPage);
        try (PDPageContentStream content = new PDPageContentStream(doc, pdPage)) {
            content.drawImage(image, 0, 0, width, height);
            if (ocr != null && !ocr.words().isEmpty()) {
                TextLayer.draw(content, font, ocr, width, height);
            }
        }
    }
}
