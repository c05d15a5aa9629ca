package vn.motcua.scanner;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a device can do. Resolutions are the discrete values offered to the clerk (a driver that reports a range
 * lists the usual steps inside it).
 *
 * @param maxWidthMm  the widest paper the device takes
 * @param maxHeightMm the longest paper the device takes
 */
public record ScannerCapabilities(Set<PaperSource> sources, List<Integer> resolutions, Set<ColorMode> colorModes,
                                  double maxWidthMm, double maxHeightMm) {

    public ScannerCapabilities {
        sources = Set.copyOf(sources);
        resolutions = List.copyOf(resolutions.stream().distinct().sorted().toList());
        colorModes = Set.copyOf(colorModes);
    }

    public boolean hasFlatbed() {
        return sources.contains(PaperSource.FLATBED);
    }

    public boolean hasFeeder() {
        return sources.contains(PaperSource.FEEDER);
    }

    public boolean hasDuplex() {
        return sources.contains(PaperSource.DUPLEX);
    }

    /** Standard sizes that fit on this device, for the profile editor. */
    public List<PaperSize> paperSizes() {
        return List.of(PaperSize.A4, PaperSize.A5, PaperSize.LETTER, PaperSize.LEGAL).stream()
                .filter(size -> size.fitsIn(maxWidthMm, maxHeightMm))
                .toList();
    }

    /** The resolution closest to the wanted one, for profiles moved to a different scanner. */
    public int nearestResolution(int wantedDpi) {
        int best = resolutions.getFirst();
        for (int dpi : resolutions) {
            if (Math.abs(dpi - wantedDpi) < Math.abs(best - wantedDpi)) {
                best = dpi;
            }
        }
        return best;
    }

    /** A setting the device cannot do, so a front end can name it in the user's language. */
    public enum Shortfall { SOURCE, COLOR_MODE, RESOLUTION, PAPER_SIZE }

    /** The first setting (source, colour mode, resolution, paper) this device cannot do, or empty when it can. */
    public Optional<Shortfall> shortfall(ScanSettings settings) {
        if (!sources.contains(settings.source())) {
            return Optional.of(Shortfall.SOURCE);
        }
        if (!colorModes.contains(settings.colorMode())) {
            return Optional.of(Shortfall.COLOR_MODE);
        }
        if (!resolutions.isEmpty() && !resolutions.contains(settings.dpi())) {
            return Optional.of(Shortfall.RESOLUTION);
        }
        if (!settings.paperSize().fitsIn(maxWidthMm, maxHeightMm)) {
            return Optional.of(Shortfall.PAPER_SIZE);
        }
        return Optional.empty();
    }

    /** Why these settings cannot run on this device (technical, for logs), or null when they can. */
    public String unsupportedReason(ScanSettings settings) {
        return shortfall(settings).map(shortfall -> switch (shortfall) {
            case SOURCE -> "source " + settings.source().cliName() + " not available";
            case COLOR_MODE -> "colour mode " + settings.colorMode().cliName() + " not available";
            case RESOLUTION -> settings.dpi() + " dpi not available (" + resolutions + ")";
            case PAPER_SIZE -> "paper " + settings.paperSize().name() + " larger than the scan area";
        }).orElse(null);
    }
}
