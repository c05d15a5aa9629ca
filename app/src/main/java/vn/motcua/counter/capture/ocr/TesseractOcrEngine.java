package vn.motcua.counter.capture.ocr;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.TessAPI;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.OcrWord;

/**
 * One Tesseract instance over Tess4J's JNA binding. Not thread-safe: the worker pool gives each thread its own.
 * Takes 1-bit images as they are (Tesseract reads packed bits with 1 = white, Java's binary layout) and 8-bit grey.
 */
public final class TesseractOcrEngine implements OcrEngine {

    private final TessAPI api;
    private final ITessAPI.TessBaseAPI handle;
    private final String language;

    public TesseractOcrEngine(Path tessdata, String language) {
        this.api = NativeTesseract.api();
        this.language = language;
        this.handle = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit3(handle, tessdata.toString(), language) != 0) {
            api.TessBaseAPIDelete(handle);
            throw new OcrException("cannot load Tesseract language '" + language + "' from " + tessdata);
        }
        api.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_AUTO);
    }

    @Override
    public OcrResult recognize(BufferedImage image, int dpi, BooleanSupplier cancelled, IntConsumer progress) {
        setImage(image);
        api.TessBaseAPISetSourceResolution(handle, dpi);
        NativeTesseract.Monitor monitor = new NativeTesseract.Monitor();
        int[] lastProgress = {-1};
        monitor.cancel = (cancelThis, words) -> {
            int p = (Short) monitor.readField("progress");
            if (p != lastProgress[0]) {
                lastProgress[0] = p;
                progress.accept(Math.max(0, Math.min(100, p)));
            }
            return cancelled.getAsBoolean();
        };
        int rc = NativeTesseract.monitorApi().TessBaseAPIRecognize(handle, monitor);
        if (cancelled.getAsBoolean()) {
            api.TessBaseAPIClear(handle);
            throw new OcrCancelledException();
        }
        if (rc != 0) {
            api.TessBaseAPIClear(handle);
            throw new OcrException("Tesseract could not recognise the page (code " + rc + ")");
        }
        try {
            String text = take(api.TessBaseAPIGetUTF8Text(handle));
            List<OcrWord> words = words();
            float mean = api.TessBaseAPIMeanTextConf(handle);
            progress.accept(100);
            return new OcrResult(text.strip(), words, image.getWidth(), image.getHeight(), dpi, language, mean);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    private void setImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] data;
        int bytesPerPixel;
        int bytesPerLine;
        if (image.getType() == BufferedImage.TYPE_BYTE_BINARY && image.getColorModel().getPixelSize() == 1) {
            data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            bytesPerPixel = 0;
            bytesPerLine = (w + 7) / 8;
        } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            bytesPerPixel = 1;
            bytesPerLine = w;
        } else {
            throw new IllegalArgumentException("OCR takes 1-bit or 8-bit grey images, not type " + image.getType());
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytesPerLine * h);
        buffer.put(data, 0, bytesPerLine * h).flip();
        api.TessBaseAPISetImage(handle, buffer, w, h, bytesPerPixel, bytesPerLine);
    }

    private List<OcrWord> words() {
        List<OcrWord> words = new ArrayList<>();
        ITessAPI.TessResultIterator ri = api.TessBaseAPIGetIterator(handle);
        if (ri == null) {
            return words;
        }
        try {
            ITessAPI.TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
            api.TessPageIteratorBegin(pi);
            int level = TessPageIteratorLevel.RIL_WORD;
            IntBuffer l = IntBuffer.allocate(1);
            IntBuffer t = IntBuffer.allocate(1);
            IntBuffer r = IntBuffer.allocate(1);
            IntBuffer b = IntBuffer.allocate(1);
            IntBuffer x1 = IntBuffer.allocate(1);
            IntBuffer y1 = IntBuffer.allocate(1);
            IntBuffer x2 = IntBuffer.allocate(1);
            IntBuffer y2 = IntBuffer.allocate(1);
            do {
                String text = take(api.TessResultIteratorGetUTF8Text(ri, level)).strip();
                if (text.isEmpty() || api.TessPageIteratorBoundingBox(pi, level, l, t, r, b) == 0) {
                    continue;
                }
                int baseline = b.get(0);
                if (api.TessPageIteratorBaseline(pi, level, x1, y1, x2, y2) != 0) {
                    baseline = (y1.get(0) + y2.get(0)) / 2;
                }
                words.add(new OcrWord(text, l.get(0), t.get(0), r.get(0) - l.get(0), b.get(0) - t.get(0), baseline,
                        api.TessResultIteratorConfidence(ri, level)));
            } while (api.TessPageIteratorNext(pi, level) != 0);
        } finally {
            api.TessResultIteratorDelete(ri);
        }
        return words;
    }

    private String take(Pointer p) {
        if (p == null) {
            return "";
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            api.TessDeleteText(p);
        }
    }

    @Override
    public void close() {
        api.TessBaseAPIEnd(handle);
        api.TessBaseAPIDelete(handle);
    }
}
