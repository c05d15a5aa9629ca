package vn.motcua.scanner.hotfolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.motcua.scanner.ColorMode;

/** The formats MFPs write, recognised by their first bytes (names and extensions are unreliable). */
enum ScanFileFormat {
    JPEG, PNG, TIFF, PDF, UNKNOWN;

    static ScanFileFormat of(Path file) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read < 4) {
            return UNKNOWN;
        }
        if ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if ((head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return PNG;
        }
        if ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42)) {
            return TIFF;
        }
        if (head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return PDF;
        }
        return UNKNOWN;
    }

    PageFile open(Path file, ColorMode mode, int dpi) throws IOException {
        return switch (this) {
            case JPEG, PNG, TIFF -> new ImagePageFile(file);
            case PDF -> new PdfPageFile(file, mode, dpi);
            case UNKNOWN -> throw new IOException("not a scan format: " + file.getFileName());
        };
    }
}
