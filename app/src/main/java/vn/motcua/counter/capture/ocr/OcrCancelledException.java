package vn.motcua.counter.capture.ocr;

/** Recognition was stopped on request; nothing of the page is kept. */
public final class OcrCancelledException extends OcrException {
    public OcrCancelledException() {
        super("OCR cancelled");
    }
}
