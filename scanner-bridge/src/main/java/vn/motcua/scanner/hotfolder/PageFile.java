package vn.motcua.scanner.hotfolder;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** The pages inside one scanned file, read one at a time so a 50-page TIFF never sits in memory whole. */
interface PageFile extends AutoCloseable {

    int pageCount() throws IOException;

    BufferedImage readPage(int index) throws IOException;

    /** Resolution recorded in the file, or the fallback when the file says nothing. */
    int dpi(int index, int fallback) throws IOException;

    @Override
    void close() throws IOException;
}
