package vn.motcua.counter.capture.ocr;

import com.sun.jna.Pointer;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Reads machine-readable-zone text: Tesseract limited to {@code A-Z 0-9 <}, the only characters ICAO 9303 allows, so
 * a filler is never read as a guillemet; a letter whose glyph is a chevron is taken as the filler it is
 * ({@link MrzGlyphs}). One engine per call: a card is read now and then, not in bulk.
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
            if (api.TessBaseAPIRecognize(handle, null) != 0) {
                throw new OcrException("Tesseract could not read the MRZ image");
            }
            return symbols(api, handle, grey);
        } finally {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
        }
    }

    /** The recognised symbols in reading order, a line break before each new line. */
    private static String symbols(TessAPI api, ITessAPI.TessBaseAPI handle, BufferedImage grey) {
        ITessAPI.TessResultIterator symbols = api.TessBaseAPIGetIterator(handle);
        if (symbols == null) {
            return "";
        }
        try {
            ITessAPI.TessPageIterator position = api.TessResultIteratorGetPageIterator(symbols);
            List<List<MrzGlyphs.Glyph>> lines = new ArrayList<>();
            IntBuffer left = IntBuffer.allocate(1);
            IntBuffer top = IntBuffer.allocate(1);
            IntBuffer right = IntBuffer.allocate(1);
            IntBuffer bottom = IntBuffer.allocate(1);
            do {
                Pointer utf8 = api.TessResultIteratorGetUTF8Text(symbols, ITessAPI.TessPageIteratorLevel.RIL_SYMBOL);
                if (utf8 == null) {
                    continue;
                }
                String symbol;
                try {
                    symbol = utf8.getString(0, "UTF-8").strip();
                } finally {
                    api.TessDeleteText(utf8);
                }
                if (lines.isEmpty() || api.TessPageIteratorIsAtBeginningOf(position,
                        ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE) != 0) {
                    lines.add(new ArrayList<>());
                }
                api.TessPageIteratorBoundingBox(position, ITessAPI.TessPageIteratorLevel.RIL_SYMBOL, left, top, right,
                        bottom);
                if (!symbol.isEmpty()) {
                    lines.getLast().add(new MrzGlyphs.Glyph(symbol, new Rectangle(left.get(0), top.get(0),
                            right.get(0) - left.get(0), bottom.get(0) - top.get(0))));
                }
            } while (api.TessResultIteratorNext(symbols, ITessAPI.TessPageIteratorLevel.RIL_SYMBOL) != 0);
            return MrzGlyphs.text(lines, grey);
        } finally {
            api.TessResultIteratorDelete(symbols);
        }
    }
}
