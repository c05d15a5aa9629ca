package vn.motcua.counter.adapters.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.PageFiles;
import vn.motcua.counter.capture.input.CaptureInputException;
import vn.motcua.counter.capture.input.Imported;
import vn.motcua.counter.capture.input.PixelLimit;
import vn.motcua.counter.capture.input.ScanImporter;

/**
 * {@link PageFiles} by the capture package's defensive {@link ScanImporter}: sizes are read from headers before any
 * pixel, 16-bit and CMYK become 8-bit RGB, truncated files are refused. A single PNG or JPEG page is kept as the
 * applicant's file was (it is evidence, and re-encoding would only grow it); other pages are stored as PNG with their
 * resolution.
 */
public final class ScannedPageFiles implements PageFiles {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final ScanImporter importer;

    /** With the default pixel limit. */
    public ScannedPageFiles() {
        this(PixelLimit.DEFAULT);
    }

    /** @param limit the most pixels an image or an image in a PDF may declare ({@code import.max_pixels}) */
    public ScannedPageFiles(PixelLimit limit) {
        this.importer = new ScanImporter(limit);
    }

    @Override
    public List<byte[]> pages(Path file) {
        Imported imported;
        try {
            imported = importer.importFile(file);
        } catch (CaptureInputException e) {
            Object[] details = e.details();
            Object[] arguments = new Object[details.length + 1];
            arguments[0] = file.getFileName();
            System.arraycopy(details, 0, arguments, 1, details.length);
            throw new CounterException(e.messageKey(), e, arguments);
        }
        try {
            return switch (imported) {
                case Imported.PassThrough ignored ->
                        throw new CounterException("capture.input.passThrough", file.getFileName());
                case Imported.Pages pages when pages.pages().size() == 1 && keptAsItIs(file) ->
                        List.of(Files.readAllBytes(file));
                case Imported.Pages pages -> {
                    List<byte[]> encoded = new ArrayList<>();
                    for (Imported.Page page : pages.pages()) {
                        encoded.add(ImageResolution.png(page.image(), page.dpi()));
                    }
                    yield encoded;
                }
            };
        } catch (IOException e) {
            throw new CounterException("capture.input.unreadable", e, file.getFileName());
        }
    }

    private static boolean keptAsItIs(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(PNG.length);
            return Arrays.equals(head, PNG) || head.length >= JPEG.length
                    && Arrays.equals(Arrays.copyOf(head, JPEG.length), JPEG);
        }
    }
}
