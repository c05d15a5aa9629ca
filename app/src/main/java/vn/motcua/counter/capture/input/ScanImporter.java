package vn.motcua.counter.capture.input;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.capture.cleanup.RgbImages;

/**
 * Reads scans and PDFs defensively. Image sizes come from the header before any pixel is decoded, so a
 * decompression bomb (a 60000 × 60000 PNG of a few KB) is refused without allocating gigabytes. 16-bit and CMYK
 * images are converted to 8-bit RGB; truncated files are refused instead of becoming half-grey pages.
 */
public final class ScanImporter {

    private static final Logger LOG = LoggerFactory.getLogger(ScanImporter.class);

    /**
     * A page's shorter side is at least this many pixels: 100 is half an inch at 200 dpi, smaller than any slip a
     * counter scans, so a smaller image (an icon, a 1 × 1 tracking pixel) is not a page.
     */
    public static final int MIN_SIDE_PIXELS = 100;
    public static final int DEFAULT_DPI = 300;
    static final int PDF_RENDER_DPI = 300;

    private final PixelLimit limit;

    /** With the default limit ({@link PixelLimit#DEFAULT}: A3 at 600 dpi is 70 MP). */
    public ScanImporter() {
        this(PixelLimit.DEFAULT);
    }

    /** @param limit the most pixels an image, a PDF page or an image inside a PDF may declare (import.max_pixels) */
    public ScanImporter(PixelLimit limit) {
        this.limit = limit;
    }

    public Imported importFile(Path file) throws CaptureInputException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CaptureInputException("capture.input.unreadable", "cannot read " + file.getFileName(), e);
        }
        if (size == 0) {
            throw new CaptureInputException("capture.input.empty", file.getFileName() + " is empty (0 bytes)");
        }
        return isPdf(file) ? importPdf(file) : new Imported.Pages(readImages(file));
    }

    private static boolean isPdf(Path file) throws CaptureInputException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(5);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-");
        } catch (IOException e) {
            throw new CaptureInputException("capture.input.unreadable", "cannot read " + file.getFileName(), e);
        }
    }

    private List<Imported.Page> readImages(Path file) throws CaptureInputException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CaptureInputException("capture.input.unsupported",
                        file.getFileName() + " is not an image or PDF we can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (r, warning) -> warnings.add(warning));
                int count = reader.getNumImages(true);
                if (count <= 0) {
                    throw new CaptureInputException("capture.input.no_pages", file.getFileName() + " has no image");
                }
                List<Imported.Page> pages = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    checkSize(file, (long) reader.getWidth(i), reader.getHeight(i));
                    int dpi = dpi(reader.getImageMetadata(i));
                    BufferedImage image = reader.read(i);
                    if (warnings.stream().anyMatch(w -> w.contains("Premature end") || w.contains("Corrupt"))) {
                        throw new CaptureInputException("capture.input.truncated",
                                file.getFileName() + " is truncated or damaged: " + warnings.getFirst());
                    }
                    pages.add(new Imported.Page(normalise(image), dpi));
                }
                return pages;
            } finally {
                reader.dispose();
            }
        } catch (CaptureInputException e) {
            throw e;
        } catch (EOFException | javax.imageio.IIOException | IndexOutOfBoundsException e) {
            throw new CaptureInputException("capture.input.truncated",
                    file.getFileName() + " is truncated or damaged: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new CaptureInputException("capture.input.unreadable",
                    file.getFileName() + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    void checkSize(Path file, long width, long height) throws CaptureInputException {
        if (width > 0 && height > 0 && Math.min(width, height) < MIN_SIDE_PIXELS) {
            throw new CaptureInputException("capture.input.tooSmall", String.format(
                    "%s is %d × %d pixels, too small to be a page", file.getFileName(), width, height));
        }
        if (!limit.allows(width, height)) {
            throw tooLarge(file, width, height);
        }
    }

    private CaptureInputException tooLarge(Path file, long width, long height) {
        // no file name in the log: a clerk's file may be named after the applicant
        LOG.warn("image refused before decoding: it declares {} × {} pixels, over the limit of {} MP"
                + " (import.max_pixels)", width, height, limit.megapixels());
        return new CaptureInputException("capture.input.tooLarge", String.format(
                "%s declares %d × %d pixels (%.0f MP); the limit is %d MP, so it was not opened",
                file.getFileName(), width, height, (double) width * height / 1e6, limit.megapixels()),
                width, height, limit.megapixels());
    }

    /**
     * 8-bit grey and RGB (packed, or 3-byte BGR as JPEG scans decode; the clean-up reads both directly) pass as
     * they are; 16-bit, CMYK, palette and alpha become 8-bit RGB.
     */
    static BufferedImage normalise(BufferedImage image) {
        return switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR -> image;
            default -> RgbImages.toIntRgb(image);
        };
    }

    private static int dpi(IIOMetadata metadata) {
        try {
            var root = (javax.imageio.metadata.IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() > 0) {
                float mmPerPixel = Float.parseFloat(((javax.imageio.metadata.IIOMetadataNode) nodes.item(0))
                        .getAttribute("value"));
                int dpi = Math.round(25.4f / mmPerPixel);
                if (dpi >= 72 && dpi <= 1200) {
                    return dpi;
                }
            }
        } catch (RuntimeException e) {
            // no usable resolution in the file
        }
        return DEFAULT_DPI;
    }

    private Imported importPdf(Path file) throws CaptureInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CaptureInputException("capture.input.unreadable", "cannot read " + file.getFileName(), e);
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.isEncrypted()) {
                return new Imported.PassThrough(bytes, "encrypted PDF kept as received; not re-rendered or OCRed");
            }
            if (!doc.getSignatureDictionaries().isEmpty()) {
                return new Imported.PassThrough(bytes,
                        "signed PDF kept as received so its signature stays valid; not re-rendered or OCRed");
            }
            if (doc.getNumberOfPages() == 0) {   // found by PageFileFuzzTest: a page tree without pages
                throw new CaptureInputException("capture.input.no_pages", file.getFileName() + " has no page");
            }
            PixelLimitedRenderer renderer = new PixelLimitedRenderer(doc, limit);
            List<Imported.Page> pages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i);
                checkSize(file, Math.round(page.getCropBox().getWidth() / 72 * PDF_RENDER_DPI),
                        Math.round(page.getCropBox().getHeight() / 72 * PDF_RENDER_DPI));
                pages.add(new Imported.Page(renderer.render(i, PDF_RENDER_DPI, ImageType.RGB), PDF_RENDER_DPI));
            }
            return new Imported.Pages(pages);
        } catch (PixelLimit.Exceeded e) {   // an image drawn on a page declares more pixels than the limit
            throw tooLarge(file, e.width(), e.height());
        } catch (InvalidPasswordException e) {
            return new Imported.PassThrough(bytes, "password-protected PDF kept as received; not re-rendered or OCRed");
        } catch (IOException e) {
            throw new CaptureInputException("capture.input.truncated",
                    file.getFileName() + " is a damaged PDF: " + e.getMessage(), e);
        }
    }
}
