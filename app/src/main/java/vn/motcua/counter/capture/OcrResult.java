package vn.motcua.counter.capture;

import java.util.List;

/**
 * The text of one page: plain text (lines and paragraphs as Tesseract laid them out, for indexing) and the words
 * with boxes (for the text layer and for highlighting hits), in the pixel space of a {@code imageWidth} ×
 * {@code imageHeight} image at {@code dpi}.
 */
public record OcrResult(String text, List<OcrWord> words, int imageWidth, int imageHeight, int dpi, String language,
                        float meanConfidence) {

    public OcrResult {
        words = List.copyOf(words);
    }

    public static OcrResult empty(int imageWidth, int imageHeight, int dpi, String language) {
        return new OcrResult("", List.of(), imageWidth, imageHeight, dpi, language, 0);
    }
}
