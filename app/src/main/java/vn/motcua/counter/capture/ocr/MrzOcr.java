package vn.motcua.counter.capture.ocr;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Reads machine-readable-zone text: Tesseract limited to {@code A-Z 0-9 <}, the only characters ICAO 9303 allows,
 * so a filler is never read as a K or a guillemet. One engine per call: a card is read now and then, not in bulk.
 */
public final class MrzOcr {

    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private final Path tessdata;
    private final String language;

    /** {@code language}: a Latin model, {@code eng} on Debian (no OCR-B model is packaged). */
    public MrzOcr(Path tessdata, String language) {
        this.tessdata = tessdata;
        this.language = language;
    }

    /** The text of an 8-bit grey image, lines separated by line breaks. */
    public String read(BufferedImage grey, int dpi) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("MRZ OCR takes 8-bit grey images, not type " + grey.getType());
        }
        TessAPI api = NativeTesseract.api();
        ITessAPI.TessBaseAPI handle = api.TessBaseAPICreate();
        try {
            if (api.TessBaseAPIInit3(handle, tessdata.toString(), language) != 0) {
                throw new OcrException("cannot load Tesseract language '" + language + "' from " + tessdata);
            }
            api.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", ALPHABET);
            api.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_AUTO);
            byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
            ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
            buffer.put(pixels).flip();
            api.TessBaseAPISetImage(handle, buffer, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
            api.TessBaseAPISetSourceResolution(handle, dpi);
            Pointer text = api.TessBaseAPIGetUTF8Text(handle);
            if (text == null) {
                return "";
            }
            try {
                return text.getString(0, "UTF-8");
            } finally {
                api.TessDeleteText(text);
            }
        } finally {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
        }
    }
}
