package vn.motcua.counter.capture;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A page as it goes into the electronic copy: its image at {@code dpi} (1-bit for {@link PageKind#BILEVEL}) and,
 * when OCR has finished, its text. A page without OCR gets no text layer.
 */
public record CapturedPage(BufferedImage image, int dpi, PageKind kind, OcrResult ocr) {

    public CapturedPage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kind, "kind");
        if (dpi < 72 || dpi > 1200) {
            throw new IllegalArgumentException("implausible resolution " + dpi + " dpi");
        }
        if (kind == PageKind.BILEVEL && image.getColorModel().getPixelSize() != 1) {
            throw new IllegalArgumentException("a bilevel page needs a 1-bit image");
        }
    }

    public static CapturedPage of(CleanedPage cleaned, OcrResult ocr) {
        return new CapturedPage(cleaned.copyImage(), cleaned.copyDpi(), cleaned.kind(), ocr);
    }

    public CapturedPage withOcr(OcrResult result) {
        return new CapturedPage(image, dpi, kind, result);
    }
}
