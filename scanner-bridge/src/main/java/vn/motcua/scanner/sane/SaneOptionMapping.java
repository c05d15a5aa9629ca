package vn.motcua.scanner.sane;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerCapabilities;

/**
 * SANE's well-known options (source, mode, depth, resolution, tl-x/tl-y/br-x/br-y) as bridge capabilities and
 * settings. Backends name sources and modes freely ("ADF Duplex", "Automatic Document Feeder", "Lineart",
 * "Binary"), hence matching on words.
 */
final class SaneOptionMapping {

    private static final List<Integer> USUAL_DPI = List.of(75, 100, 150, 200, 240, 300, 400, 600, 1200);

    private SaneOptionMapping() {
    }

    static ScannerCapabilities capabilities(SaneOpenDevice device) {
        Set<PaperSource> sources = EnumSet.noneOf(PaperSource.class);
        Optional<SaneOptionDescriptor> source = device.option("source");
        if (source.isEmpty()) {
            sources.add(PaperSource.FLATBED);
        } else {
            for (String value : source.get().strings()) {
                sourceOf(value).ifPresent(sources::add);
            }
        }
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        Optional<SaneOptionDescriptor> mode = device.option("mode");
        if (mode.isPresent()) {
            for (String value : mode.get().strings()) {
                modeOf(value).ifPresent(modes::add);
            }
        }
        if (!modes.contains(ColorMode.LINEART) && modes.contains(ColorMode.GRAY) && depthOneAvailable(device)) {
            modes.add(ColorMode.LINEART);
        }
        return new ScannerCapabilities(sources, resolutions(device), modes, maxMm(device, "br-x", 215.9),
                maxMm(device, "br-y", 297.0));
    }

    static void apply(SaneOpenDevice device, ScanSettings settings)
            throws IOException, SaneStatusException, ScanException {
        Optional<SaneOptionDescriptor> source = device.option("source");
        if (source.isPresent()) {
            String wanted = source.get().strings().stream()
                    .filter(value -> sourceOf(value).orElse(null) == settings.source())
                    .findFirst()
                    .orElseThrow(() -> unsupported("source " + settings.source().cliName()));
            device.setString(source.get(), wanted);
        } else if (settings.source() != PaperSource.FLATBED) {
            throw unsupported("device has no feeder");
        }
        applyMode(device, settings.colorMode());
        SaneOptionDescriptor resolution = device.option("resolution")
                .orElseThrow(() -> unsupported("no resolution option"));
        device.setNumber(resolution, settings.dpi());
        setMm(device, "tl-x", 0);
        setMm(device, "tl-y", 0);
        setMm(device, "br-x", Math.min(settings.paperSize().widthMm(), maxMm(device, "br-x", Double.MAX_VALUE)));
        setMm(device, "br-y", Math.min(settings.paperSize().heightMm(), maxMm(device, "br-y", Double.MAX_VALUE)));
    }

    /** Sets an option from its text form, whatever its SANE type. */
    static void set(SaneOpenDevice device, String name, String value) throws IOException, SaneStatusException,
            ScanException {
        SaneOptionDescriptor option = device.option(name)
                .orElseThrow(() -> unsupported("no active SANE option " + name));
        switch (option.type()) {
            case SaneOptionDescriptor.TYPE_BOOL -> device.setBoolean(option,
                    value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
            case SaneOptionDescriptor.TYPE_INT, SaneOptionDescriptor.TYPE_FIXED ->
                    device.setNumber(option, Double.parseDouble(value));
            case SaneOptionDescriptor.TYPE_BUTTON -> device.press(option);
            default -> device.setString(option, value);
        }
    }

    private static void applyMode(SaneOpenDevice device, ColorMode wanted) throws IOException, SaneStatusException,
            ScanException {
        SaneOptionDescriptor mode = device.option("mode").orElseThrow(() -> unsupported("no mode option"));
        Optional<String> direct = mode.strings().stream()
                .filter(value -> modeOf(value).orElse(null) == wanted).findFirst();
        boolean lineArtByDepth = direct.isEmpty() && wanted == ColorMode.LINEART && depthOneAvailable(device);
        String value = lineArtByDepth
                ? mode.strings().stream().filter(v -> modeOf(v).orElse(null) == ColorMode.GRAY)
                        .findFirst().orElseThrow()
                : direct.orElseThrow(() -> unsupported("colour mode " + wanted.cliName()));
        device.setString(mode, value);
        Optional<SaneOptionDescriptor> depth = device.option("depth");
        if (depth.isPresent() && depth.get().settable()) {
            int bits = lineArtByDepth ? 1 : 8;
            if (depth.get().words().contains(bits)) {
                device.setNumber(depth.get(), bits);
            }
        }
    }

    static Optional<PaperSource> sourceOf(String saneValue) {
        String value = saneValue.toLowerCase(Locale.ROOT);
        if (value.contains("duplex")) {
            return Optional.of(PaperSource.DUPLEX);
        }
        if (value.contains("adf") || value.contains("feeder") || value.contains("automatic document")) {
            return Optional.of(PaperSource.FEEDER);
        }
        if (value.contains("flatbed") || value.contains("platen") || value.contains("glass")) {
            return Optional.of(PaperSource.FLATBED);
        }
        return Optional.empty();
    }

    static Optional<ColorMode> modeOf(String saneValue) {
        String value = saneValue.toLowerCase(Locale.ROOT);
        if (value.contains("color") || value.contains("colour")) {
            return Optional.of(ColorMode.COLOR);
        }
        if (value.contains("gray") || value.contains("grey")) {
            return Optional.of(ColorMode.GRAY);
        }
        if (value.contains("lineart") || value.contains("binary") || value.contains("black")) {
            return Optional.of(ColorMode.LINEART);
        }
        return Optional.empty();
    }

    private static List<Integer> resolutions(SaneOpenDevice device) {
        Optional<SaneOptionDescriptor> found = device.option("resolution");
        if (found.isEmpty()) {
            return List.of();
        }
        SaneOptionDescriptor option = found.get();
        if (option.constraintType() == SaneOptionDescriptor.CONSTRAINT_WORD_LIST) {
            return option.numberList().stream().map(d -> (int) Math.round(d)).toList();
        }
        if (option.hasRange()) {
            List<Integer> inRange = new ArrayList<>();
            for (int dpi : USUAL_DPI) {
                if (dpi >= option.rangeMin() && dpi <= option.rangeMax()) {
                    inRange.add(dpi);
                }
            }
            return inRange;
        }
        return USUAL_DPI;
    }

    private static boolean depthOneAvailable(SaneOpenDevice device) {
        return device.option("depth").filter(depth -> depth.words().contains(1)).isPresent();
    }

    private static double maxMm(SaneOpenDevice device, String name, double fallback) {
        return device.option(name).filter(SaneOptionDescriptor::hasRange).map(SaneOptionDescriptor::rangeMax)
                .orElse(fallback);
    }

    private static void setMm(SaneOpenDevice device, String name, double mm) throws IOException,
            SaneStatusException {
        Optional<SaneOptionDescriptor> option = device.option(name);
        if (option.isPresent() && option.get().settable()) {
            device.setNumber(option.get(), mm);
        }
    }

    private static ScanException unsupported(String what) {
        return new ScanException(ScanError.UNSUPPORTED_SETTINGS, what);
    }
}
