package vn.motcua.counter.adapters.signing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.motcua.counter.application.port.CopySigner.Appearance;

/**
 * The visible signature of Decree 30/2020 Appendix I as a one-page template PDF that PDFBox merges into the signed
 * revision: the stamp's lines, 10 pt black Liberation Serif (Times New Roman's metrics, Vietnamese glyphs, embedded
 * as a subset) at the top right of the first page; for results, below them the signer's image with the red seal
 * over the left third of it, the seal at its actual size.
 */
final class StampAppearance {

    static final float FONT_SIZE = 10;
    private static final float LEADING = 12.5f;
    private static final float MARGIN = 28;          // ~1 cm from the page's top and right edges
    private static final float PADDING = 3;
    private static final float SEAL_SIZE = 36 / 25.4f * 72;   // a common round seal, 36 mm across
    private static final float SIGNER_IMAGE_WIDTH = 40 / 25.4f * 72;
    private static final String FONT = "/fonts/LiberationSerif-Regular.ttf";

    /** Parsed once: reading the 400 KB font for every copy was a third of the signing time. */
    private static final TrueTypeFont SERIF = parse();

    private StampAppearance() {
    }

    private static TrueTypeFont parse() {
        try (InputStream in = StampAppearance.class.getResourceAsStream(FONT)) {
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the bundled font " + FONT + " is missing", e);
        }
    }

    /** Where the stamp goes on a page of {@code page}'s size, and the template holding it. */
    record Template(PDRectangle area, byte[] pdf) {
    }

    static Template create(PDPage firstPage, Appearance appearance) throws IOException {
        List<String> lines = appearance.stamp().lines();
        boolean images = appearance.signerImage() != null && appearance.sealImage() != null;
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font;
            synchronized (SERIF) {   // the subset is made from the shared font when the template is saved
                font = PDType0Font.load(doc, SERIF, true);
            }
            float textWidth = 0;
            for (String line : lines) {
                textWidth = Math.max(textWidth, font.getStringWidth(line) / 1000 * FONT_SIZE);
            }
            float imagesHeight = images ? SEAL_SIZE : 0;
            float width = Math.max(textWidth, images ? SIGNER_IMAGE_WIDTH * 2 / 3 + SEAL_SIZE : 0) + 2 * PADDING;
            float height = lines.size() * LEADING + imagesHeight + 2 * PADDING;
            PDRectangle box = firstPage.getCropBox();
            PDRectangle area = new PDRectangle(box.getUpperRightX() - MARGIN - width,
                    box.getUpperRightY() - MARGIN - height, width, height);

            PDPage page = new PDPage(firstPage.getMediaBox());
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().getFirst();
            widget.setRectangle(area);
            widget.setPrinted(true);      // PDF/A: every annotation prints, none is hidden
            widget.setPage(page);
            form.getFields().add(field);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(width, height));
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
            dictionary.getCOSObject().setDirect(true);
            dictionary.setNormalAppearance(stream);
            widget.setAppearance(dictionary);

            try (PDPageContentStream content = new PDPageContentStream(doc, stream)) {
                if (images) {
                    drawImages(doc, content, appearance, width);
                }
                content.beginText();
                content.setFont(font, FONT_SIZE);
                content.setNonStrokingColor(Color.BLACK);
                float y = height - PADDING - FONT_SIZE;
                for (String line : lines) {   // right-aligned, like the decree's model
                    float lineWidth = font.getStringWidth(line) / 1000 * FONT_SIZE;
                    content.setTextMatrix(org.apache.pdfbox.util.Matrix.getTranslateInstance(
                            width - PADDING - lineWidth, y));
                    content.showText(line);
                    y -= LEADING;
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            synchronized (SERIF) {
                doc.save(out);
            }
            return new Template(area, out.toByteArray());
        }
    }

    /** The signer's image at the right, the seal over its left third. */
    private static void drawImages(PDDocument doc, PDPageContentStream content, Appearance appearance, float width)
            throws IOException {
        PDImageXObject signer = PDImageXObject.createFromByteArray(doc, appearance.signerImage(), "signer");
        PDImageXObject seal = PDImageXObject.createFromByteArray(doc, appearance.sealImage(), "seal");
        float signerHeight = SIGNER_IMAGE_WIDTH * signer.getHeight() / signer.getWidth();
        float signerX = width - PADDING - SIGNER_IMAGE_WIDTH;
        float bottom = PADDING;
        content.drawImage(signer, signerX, bottom + (SEAL_SIZE - signerHeight) / 2, SIGNER_IMAGE_WIDTH, signerHeight);
        content.drawImage(seal, signerX + SIGNER_IMAGE_WIDTH / 3 - SEAL_SIZE, bottom, SEAL_SIZE, SEAL_SIZE);
    }
}
