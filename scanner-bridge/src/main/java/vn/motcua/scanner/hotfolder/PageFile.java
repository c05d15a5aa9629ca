package vn.motcua.scanner.hotfolder;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** The pages inside one scanned file, read one at a time so a 50-page TIFF never sits in memory whole. */
interface PageFile extends AutoCloseable {

    /**
     * The most pixels a page may declare before it is decoded: A3 at 600 dpi is 70 MP, so this is no page from an MFP
     * but a decompression bomb (the counter's own files have the {@code import.max_pixels} setting, same default).
     */
    long MAX_PIXELS = 80_000_000L;

    static void checkPixels(long width, long height) throws IOException {
        if (width <= 0 || height <= 0 || width > MAX_PIXELS / height) {
            throw new IOException("the file declares " + width + " × " + height + " pixels; the limit is "
                    + MAX_PIXELS + ", so it was not decoded");
        }
    }

    int pageCount() throws IOException;

    BufferedImage readPage(int index) throws IOException;

    /** Resolution recorded in the file, or the fallback when the file says nothing. */
    int dpi(int index, int fallback) throws IOException;

    @Override
    void close() throws IOException;
}
