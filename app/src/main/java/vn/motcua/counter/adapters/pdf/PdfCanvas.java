package vn.motcua.counter.adapters.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes the text of one A4 form page with the bundled Liberation Serif (metric-compatible with Times New Roman, the
 * typeface of Vietnamese administrative forms, and with every Vietnamese glyph). Fonts are embedded as subsets.
 * Coordinates are in points from the top-left corner, which is how forms are laid out.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN_LEFT = 70f;   // ~25 mm: the left margin Decree 30/2020 sets for administrative papers
    static final float MARGIN_RIGHT = 45f;

    /** A4 turned sideways, for wide tables such as the tracking book. */
    static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    final PDType0Font regular;
    final PDType0Font bold;
    final PDType0Font italic;
    private final PDDocument document;
    private final PDRectangle size;
    private PDPageContentStream stream;
    final float height;
    final float width;

    PdfCanvas(PDDocument document) throws IOException {
        this(document, PDRectangle.A4);
    }

    PdfCanvas(PDDocument document, PDRectangle size) throws IOException {
        this.document = document;
        this.size = size;
        this.regular = font(document, "LiberationSerif-Regular.ttf");
        this.bold = font(document, "LiberationSerif-Bold.ttf");
        this.italic = font(document, "LiberationSerif-Italic.ttf");
        this.height = size.getHeight();
        this.width = size.getWidth();
        newPage();
    }

    /** Ends the current page (if any) and continues on a new one of the same size. */
    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(size);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
    }

    private static PDType0Font font(PDDocument document, String file) throws IOException {
        try (InputStream in = PdfCanvas.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IOException("bundled font missing: " + file);
            }
            return PDType0Font.load(document, in);
        }
    }

    float textWidth(PDType0Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(PDType0Font font, float size, float x, float top, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, height - top);
        stream.showText(text);
        stream.endText();
    }

    /** Writes {@code text} so that it ends at {@code rightX}. */
    void rightAligned(PDType0Font font, float size, float rightX, float top, String text) throws IOException {
        text(font, size, rightX - textWidth(font, size, text), top, text);
    }

    /** Centres {@code text} on {@code centreX}, wrapped to {@code maxWidth}; returns the top of the next line. */
    float centredLines(PDType0Font font, float size, float centreX, float top, float maxWidth, float leading,
                       String text) throws IOException {
        float y = top;
        for (String line : wrap(font, text, maxWidth, maxWidth, size)) {
            centred(font, size, centreX, y, line);
            y += leading;
        }
        return y;
    }

    /** Centres {@code text} on {@code centreX}. */
    void centred(PDType0Font font, float size, float centreX, float top, String text) throws IOException {
        text(font, size, centreX - textWidth(font, size, text) / 2, top, text);
    }

    void line(float x1, float top1, float x2, float top2, float lineWidth) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.moveTo(x1, height - top1);
        stream.lineTo(x2, height - top2);
        stream.stroke();
    }

    void filledSquare(float x, float top, float side) throws IOException {
        stream.addRect(x, height - top - side, side, side);
    }

    void fill() throws IOException {
        stream.fill();
    }

    /** A filled rectangle in {@code colour} (bars of a report chart); later drawing is black again. */
    void filledRect(float x, float top, float w, float h, java.awt.Color colour) throws IOException {
        stream.setNonStrokingColor(colour);
        stream.addRect(x, height - top - h, w, h);
        stream.fill();
        stream.setNonStrokingColor(java.awt.Color.BLACK);
    }

    /**
     * Writes {@code text} wrapped to {@code maxWidth}, the first line starting at {@code x} after an optional bold
     * label; returns the top of the next line.
     */
    float paragraph(String label, String text, float x, float top, float maxWidth, float size, float leading)
            throws IOException {
        float labelWidth = label.isEmpty() ? 0 : textWidth(bold, size, label + " ");
        if (!label.isEmpty()) {
            text(bold, size, x, top, label);
        }
        List<String> lines = wrap(text, maxWidth - labelWidth, maxWidth, size);
        float y = top;
        for (int i = 0; i < lines.size(); i++) {
            text(regular, size, i == 0 ? x + labelWidth : x, y, lines.get(i));
            y += leading;
        }
        return lines.isEmpty() ? top + leading : y;
    }

    /** Greedy word wrap in the regular face; the first line may be narrower (it follows a label). */
    List<String> wrap(String text, float firstWidth, float width, float size) {
        return wrap(regular, text, firstWidth, width, size);
    }

    List<String> wrap(PDType0Font font, String text, float firstWidth, float width, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            float limit = lines.isEmpty() ? firstWidth : width;
            if (!line.isEmpty() && textWidth(font, size, candidate) > limit) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
