package vn.motcua.counter.capture.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFBox's renderer for PDFs from outside (an MFP's scan, a file the clerk adds): before a page is rendered its size at
 * the resolution is checked, and before any image on it (an XObject, an inline image, a soft mask, a JPEG's own
 * header inside the PDF) is decoded its declared size is checked against the {@link PixelLimit}. A page drawing a
 * 100000 × 100000 image throws {@link PixelLimit.Exceeded} instead of allocating gigabytes.
 */
public final class PixelLimitedRenderer extends PDFRenderer {

    private final PixelLimit limit;

    public PixelLimitedRenderer(PDDocument document, PixelLimit limit) {
        super(document);
        this.limit = limit;
    }

    /**
     * Renders page {@code index} at {@code dpi}.
     *
     * @throws PixelLimit.Exceeded when the page at this resolution, or an image on it, is larger than the limit
     */
    public BufferedImage render(int index, float dpi, ImageType type) throws IOException {
        PDPage page = document.getPage(index);
        var box = page.getCropBox();
        limit.check(Math.round(box.getWidth() / 72 * dpi), Math.round(box.getHeight() / 72 * dpi));
        return renderImageWithDPI(index, dpi, type);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
            @Override
            public void drawImage(PDImage image) throws IOException {
                checkImage(image);
                super.drawImage(image);
            }
        };
    }

    private void checkImage(PDImage image) throws IOException {
        limit.check(image.getWidth(), image.getHeight());
        if (image instanceof PDImageXObject xobject) {
            PDImageXObject mask = xobject.getSoftMask();
            if (mask != null) {
                limit.check(mask.getWidth(), mask.getHeight());
            }
            checkJpegHeader(xobject);
        }
    }

    /** A DCT image decodes at the size its JPEG header says, whatever the PDF dictionary claims: read that too. */
    private void checkJpegHeader(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.isEmpty() || !COSName.DCT_DECODE.equals(filters.getLast())) {
            return;
        }
        try (InputStream raw = image.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()));
                ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return;   // PDFBox will refuse it while decoding
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                limit.check(reader.getWidth(0), reader.getHeight(0));
            } catch (javax.imageio.IIOException | IndexOutOfBoundsException e) {
                // a header the reader cannot parse: PDFBox's decoder refuses it on its own
            } finally {
                reader.dispose();
            }
        }
    }
}
