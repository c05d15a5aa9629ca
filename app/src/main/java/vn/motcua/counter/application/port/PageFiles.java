package vn.motcua.counter.application.port;

import java.nio.file.Path;
import java.util.List;

/**
 * Files handed in as pages, by a clerk in the window (chosen or dropped), by {@code motcua receive --page} or
 * {@code motcua ocr}: one way in for all of them. An image is one page (a multi-page TIFF several), a PDF is rendered
 * page by page. Decompression bombs, truncated files, images too small to be a page, and signed or encrypted PDFs
 * (which must stay as they are) are refused with a {@code CounterException} naming the file.
 */
public interface PageFiles {

    /** The file's pages as image files ready to be stored: a PNG or JPEG page is kept byte for byte. */
    List<byte[]> pages(Path file);
}
