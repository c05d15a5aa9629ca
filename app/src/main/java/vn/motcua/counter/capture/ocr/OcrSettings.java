package vn.motcua.counter.capture.ocr;

import java.nio.file.Path;

/**
 * @param tessdata folder with {@code <language>.traineddata} (Debian: /usr/share/tesseract-ocr/5/tessdata)
 * @param language Tesseract language, {@code vie} for Vietnamese
 * @param workers threads, one page each; default one per core so two cores OCR two pages at once
 */
public record OcrSettings(Path tessdata, String language, int workers) {

    public static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");

    public OcrSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one OCR worker");
        }
    }

    /** TESSDATA_PREFIX if set, else Debian's folder; {@code vie}; one worker per core. */
    public static OcrSettings defaults() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        Path tessdata = prefix == null || prefix.isBlank() ? DEBIAN_TESSDATA : Path.of(prefix);
        return new OcrSettings(tessdata, "vie", Runtime.getRuntime().availableProcessors());
    }

    public OcrSettings withWorkers(int n) {
        return new OcrSettings(tessdata, language, n);
    }

    public OcrSettings withTessdata(Path folder) {
        return new OcrSettings(folder, language, workers);
    }

    public OcrSettings withLanguage(String lang) {
        return new OcrSettings(tessdata, lang, workers);
    }
}
