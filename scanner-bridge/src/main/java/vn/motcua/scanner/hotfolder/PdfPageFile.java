package vn.motcua.scanner.hotfolder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.motcua.scanner.ColorMode;

/**
 * A PDF from an MFP, rendered page by page at the job's resolution. MFP PDFs are one scanned image per page, so
 * rendering loses nothing that matters, and every driver can hand over images alike.
 */
final class PdfPageFile implements PageFile {

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final ImageType imageType;

    private final int dpi;

    PdfPageFile(Path file, ColorMode mode, int dpi) throws IOException {
        this.dpi = dpi;
        document = Loader.loadPDF(file.toFile());
        renderer = new PDFRenderer(document);
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
        return renderer.renderImageWithDPI(index, dpi, imageType);
    }

    @Override
    public int dpi(int index, int fallback) {
        return dpi;
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
