package vn.motcua.counter.capture.ocr;

/** OCR could not run (missing language data, a native failure). */
public class OcrException extends RuntimeException {
    public OcrException(String message) {
        super(message);
    }
}
