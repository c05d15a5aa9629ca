package vn.motcua.counter.capture.pdfa;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
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

/**
 * PDF/A-2u electronic copies with PDFBox: each page is one image compressed by its kind (CCITT G4 for bilevel,
 * JPEG for grey and colour) at its own resolution, so the page size is the paper size (100% scale), plus an
 * invisible text layer in a glyph-less font whose codes are Unicode ({@link InvisibleTextFont}).
 */
public final class PdfaCopyWriter implements ElectronicCopyWriter {

    /** Keeps 10-point text and the seal's ring lettering legible at 200 dpi; see docs/decisions/0301-capture.md. */
    public static final float COLOUR_JPEG_QUALITY = 0.55f;
    public static final float GREY_JPEG_QUALITY = 0.6f;

    @Override
    public void write(List<CapturedPage> pages, CopyMetadata metadata, OutputStream out) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("an electronic copy needs at least one page");
        }
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            InvisibleTextFont font = InvisibleTextFont.create(doc);
            for (CapturedPage page : pages) {
                addPage(doc, font, page);
            }
            font.finish();
            PdfaMetadata.apply(doc, metadata);
            doc.save(out);
        }
    }

    private static void addPage(PDDocument doc, InvisibleTextFont font, CapturedPage page) throws IOException {
        BufferedImage image = page.image();
        float width = image.getWidth() * 72f / page.dpi();
        float height = image.getHeight() * 72f / page.dpi();
        PDPage pdPage = new PDPage(new PDRectangle(width, height));
        doc.addPage(pdPage);
        PDImageXObject xObject = switch (page.kind()) {
            case BILEVEL -> CCITTFactory.createFromImage(doc, image);
            case GREY -> JPEGFactory.createFromByteArray(doc, JpegEncoder.encode(image, GREY_JPEG_QUALITY));
            case COLOUR -> JPEGFactory.createFromByteArray(doc, JpegEncoder.encode(image, COLOUR_JPEG_QUALITY));
        };
        try (PDPageContentStream content = new PDPageContentStream(doc, pdPage)) {
            content.drawImage(xObject, 0, 0, width, height);
            if (page.ocr() != null && !page.ocr().words().isEmpty()) {
                TextLayer.draw(content, font, page.ocr(), width, height);
            }
        }
    }
}
