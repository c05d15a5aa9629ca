package vn.motcua.counter.capture.ocr;

import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import vn.motcua.counter.capture.OcrResult;

/** Reads the text of one page image. One instance per thread. */
public interface OcrEngine extends AutoCloseable {

    /**
     * @param cancelled polled during recognition; when it turns true the call throws {@link OcrCancelledException}
     * @param progress receives 0–100 for this page
     */
    OcrResult recognize(BufferedImage image, int dpi, BooleanSupplier cancelled, IntConsumer progress);

    @Override
    void close();
}
