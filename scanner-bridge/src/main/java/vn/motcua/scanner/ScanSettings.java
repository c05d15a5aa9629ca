package vn.motcua.scanner;

import java.util.Objects;

/**
 * What to scan: source, resolution, colour mode and paper size.
 *
 * @param dpi resolution in dots per inch; counters use 200 or 300
 */
public record ScanSettings(PaperSource source, int dpi, ColorMode colorMode, PaperSize paperSize) {

    public ScanSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(colorMode, "colorMode");
        Objects.requireNonNull(paperSize, "paperSize");
        if (dpi < 50 || dpi > 1200) {
            throw new IllegalArgumentException("Resolution out of range (50-1200 dpi): " + dpi);
        }
    }

    /** The counter default: A4 from the feeder at 300 dpi in grey. */
    public static ScanSettings defaults() {
        return new ScanSettings(PaperSource.FEEDER, 300, ColorMode.GRAY, PaperSize.A4);
    }

    public ScanSettings withSource(PaperSource newSource) {
        return new ScanSettings(newSource, dpi, colorMode, paperSize);
    }

    public ScanSettings withDpi(int newDpi) {
        return new ScanSettings(source, newDpi, colorMode, paperSize);
    }

    public ScanSettings withColorMode(ColorMode newMode) {
        return new ScanSettings(source, dpi, newMode, paperSize);
    }

    public ScanSettings withPaperSize(PaperSize newSize) {
        return new ScanSettings(source, dpi, colorMode, newSize);
    }
}
