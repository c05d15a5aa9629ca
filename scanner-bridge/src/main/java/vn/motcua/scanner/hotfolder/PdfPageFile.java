package vn.motcua.scanner.hotfolder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import vn.motcua.scanner.ColorMode;

/**
 * A PDF from an MFP, rendered page by page at the job's resolution. MFP PDFs are one scanned image per page, so
 * rendering loses nothing that matters, and every driver can hand over images alike. A page, and every image it draws,
 * is checked against {@link PageFile#MAX_PIXELS} before it is decoded (a decompression bomb is refused).
 */
final class PdfPageFile implements PageFile {

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final ImageType imageType;

    private final int dpi;

    PdfPageFile(Path file, ColorMode mode, int dpi) throws IOException {
        this.dpi = dpi;
        document = Loader.loadPDF(file.toFile());
        renderer = new PDFRenderer(document) {
            @Override
            protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
                return new PageDrawer(parameters) {
                    @Override
                    public void drawImage(PDImage image) throws IOException {
                        // unchecked: PDFBox logs and skips an IOException thrown while drawing an image
                        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
                            throw new TooLarge(image.getWidth(), image.getHeight());
                        }
                        super.drawImage(image);
                    }
                };
            }
        };
        imageType = switch (mode) {
            case COLOR -> ImageType.RGB;
            case GRAY -> ImageType.GRAY;
            case LINEART -> ImageType.BINARY;
        };
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public BufferedImage readPage(int index) throws IOException {
        var box = document.getPage(index).getCropBox();
        PageFile.checkPixels(Math.round(box.getWidth() / 72 * dpi), Math.round(box.getHeight() / 72 * dpi));
        try {
            return renderer.renderImageWithDPI(index, dpi, imageType);
        } catch (TooLarge e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public int dpi(int index, int fallback) {
        return dpi;
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge(long width, long height) {
            super("the PDF draws an image of " + width + " × " + height + " pixels; the limit is " + MAX_PIXELS);
        }
    }
}
