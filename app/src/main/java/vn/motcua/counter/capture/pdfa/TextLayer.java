package vn.motcua.counter.capture.pdfa;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.OcrWord;

/**
 * The invisible text layer: each word set on its baseline in render mode 3 (neither fill nor stroke), its size
 * from the box height and stretched horizontally (Tz) to the box width, so selecting and search hits line up with
 * the printed words.
 */
final class TextLayer {

    private TextLayer() {
    }

    static void draw(PDPageContentStream content, PDFont font, OcrResult ocr, float pageWidth, float pageHeight)
            throws IOException {
        float sx = pageWidth / ocr.imageWidth();
        float sy = pageHeight / ocr.imageHeight();
        content.beginText();
        content.setRenderingMode(RenderingMode.NEITHER);
        for (OcrWord word : ocr.words()) {
            String text = printable(font, word.text());
            if (text.isEmpty() || word.width() <= 0 || word.height() <= 0) {
                continue;
            }
            float size = Math.max(1f, word.height() * sy);
            float natural = font.getStringWidth(text) / 1000f * size;
            if (natural <= 0) {
                continue;
            }
            float baseline = word.baseline() > word.y() ? word.baseline() : word.y() + word.height() * 0.8f;
            content.setFont(font, size);
            content.setHorizontalScaling(100f * word.width() * sx / natural);
            content.setTextMatrix(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, word.x() * sx,
                    pageHeight - baseline * sy));
            // a trailing space lets text extraction keep words apart
            content.showText(text + " ");
        }
        content.endText();
    }

    /** Drops characters the font cannot show (OCR noise such as private-use symbols) instead of failing. */
    static String printable(PDFont font, String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                sb.append(s);
            } catch (IOException | IllegalArgumentException e) {
                // skipped: outside the text layer's code space
            }
        });
        return sb.toString().strip();
    }
}
