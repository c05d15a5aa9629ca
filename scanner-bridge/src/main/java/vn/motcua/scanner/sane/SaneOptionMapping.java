package vn.motcua.scanner.sane;

import au.com.southsky.jfreesane.OptionValueConstraintType;
import au.com.southsky.jfreesane.OptionValueType;
import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneOption;
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

    static ScannerCapabilities capabilities(SaneDevice device) throws IOException, SaneException {
        Set<PaperSource> sources = EnumSet.noneOf(PaperSource.class);
        Optional<SaneOption> source = option(device, "source");
        if (source.isEmpty()) {
            sources.add(PaperSource.FLATBED);
        } else {
            for (String value : source.get().getStringConstraints()) {
                sourceOf(value).ifPresent(sources::add);
            }
        }
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        Optional<SaneOption> mode = option(device, "mode");
        if (mode.isPresent()) {
            for (String value : mode.get().getStringConstraints()) {
                modeOf(value).ifPresent(modes::add);
            }
        }
        if (!modes.contains(ColorMode.LINEART) && modes.contains(ColorMode.GRAY) && depthOneAvailable(device)) {
            modes.add(ColorMode.LINEART);
        }
        return new ScannerCapabilities(sources, resolutions(device), modes, maxMm(device, "br-x", 215.9),
                maxMm(device, "br-y", 297.0));
    }

    static void apply(SaneDevice device, ScanSettings settings) throws IOException, SaneException, ScanException {
        Optional<SaneOption> source = option(device, "source");
        if (source.isPresent()) {
            String wanted = source.get().getStringConstraints().stream()
                    .filter(value -> sourceOf(value).orElse(null) == settings.source())
                    .findFirst()
                    .orElseThrow(() -> unsupported("source " + settings.source().cliName()));
            source.get().setStringValue(wanted);
        } else if (settings.source() != PaperSource.FLATBED) {
            throw unsupported("device has no feeder");
        }
        applyMode(device, settings.colorMode());
        SaneOption resolution = option(device, "resolution").orElseThrow(() -> unsupported("no resolution option"));
        if (resolution.getType() == OptionValueType.FIXED) {
            resolution.setFixedValue(settings.dpi());
        } else {
            resolution.setIntegerValue(settings.dpi());
        }
        setMm(device, "tl-x", 0);
        setMm(device, "tl-y", 0);
        setMm(device, "br-x", Math.min(settings.paperSize().widthMm(), maxMm(device, "br-x", Double.MAX_VALUE)));
        setMm(device, "br-y", Math.min(settings.paperSize().heightMm(), maxMm(device, "br-y", Double.MAX_VALUE)));
    }

    /** Sets an option from its text form, whatever its SANE type. */
    static void set(SaneDevice device, String name, String value) throws IOException, SaneException,
            ScanException {
        SaneOption option = option(device, name).orElseThrow(() -> unsupported("no active SANE option " + name));
        switch (option.getType()) {
            case BOOLEAN -> option.setBooleanValue(value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
            case INT -> option.setIntegerValue(Integer.parseInt(value));
            case FIXED -> option.setFixedValue(Double.parseDouble(value));
            case BUTTON -> option.setButtonValue();
            default -> option.setStringValue(value);
        }
    }

    private static void applyMode(SaneDevice device, ColorMode wanted) throws IOException, SaneException,
            ScanException {
        SaneOption mode = option(device, "mode").orElseThrow(() -> unsupported("no mode option"));
        Optional<String> direct = mode.getStringConstraints().stream()
                .filter(value -> modeOf(value).orElse(null) == wanted).findFirst();
        boolean lineArtByDepth = direct.isEmpty() && wanted == ColorMode.LINEART && depthOneAvailable(device);
        String value = lineArtByDepth
                ? mode.getStringConstraints().stream().filter(v -> modeOf(v).orElse(null) == ColorMode.GRAY)
                        .findFirst().orElseThrow()
                : direct.orElseThrow(() -> unsupported("colour mode " + wanted.cliName()));
        mode.setStringValue(value);
        Optional<SaneOption> depth = option(device, "depth");
        if (depth.isPresent() && depth.get().isWriteable()
                && depth.get().getConstraintType() == OptionValueConstraintType.VALUE_LIST_CONSTRAINT) {
            int bits = lineArtByDepth ? 1 : 8;
            if (depth.get().getIntegerValueListConstraint().contains(bits)) {
                depth.get().setIntegerValue(bits);
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

    private static List<Integer> resolutions(SaneDevice device) throws IOException {
        Optional<SaneOption> found = option(device, "resolution");
        if (found.isEmpty()) {
            return List.of();
        }
        SaneOption option = found.get();
        boolean fixed = option.getType() == OptionValueType.FIXED;
        if (option.getConstraintType() == OptionValueConstraintType.VALUE_LIST_CONSTRAINT) {
            return fixed ? option.getFixedValueListConstraint().stream().map(d -> (int) Math.round(d)).toList()
                    : option.getIntegerValueListConstraint();
        }
        if (option.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT) {
            double min = fixed ? option.getRangeConstraints().getMinimumFixed()
                    : option.getRangeConstraints().getMinimumInteger();
            double max = fixed ? option.getRangeConstraints().getMaximumFixed()
                    : option.getRangeConstraints().getMaximumInteger();
            List<Integer> inRange = new ArrayList<>();
            for (int dpi : USUAL_DPI) {
                if (dpi >= min && dpi <= max) {
                    inRange.add(dpi);
                }
            }
            return inRange;
        }
        return USUAL_DPI;
    }

    private static boolean depthOneAvailable(SaneDevice device) throws IOException {
        Optional<SaneOption> depth = option(device, "depth");
        return depth.isPresent()
                && depth.get().getConstraintType() == OptionValueConstraintType.VALUE_LIST_CONSTRAINT
                && depth.get().getIntegerValueListConstraint().contains(1);
    }

    private static double maxMm(SaneDevice device, String name, double fallback) throws IOException {
        Optional<SaneOption> option = option(device, name);
        if (option.isEmpty() || option.get().getConstraintType() != OptionValueConstraintType.RANGE_CONSTRAINT) {
            return fallback;
        }
        return option.get().getType() == OptionValueType.FIXED
                ? option.get().getRangeConstraints().getMaximumFixed()
                : option.get().getRangeConstraints().getMaximumInteger();
    }

    private static void setMm(SaneDevice device, String name, double mm) throws IOException, SaneException {
        Optional<SaneOption> option = option(device, name);
        if (option.isEmpty() || !option.get().isWriteable()) {
            return;
        }
        if (option.get().getType() == OptionValueType.FIXED) {
            option.get().setFixedValue(mm);
        } else {
            option.get().setIntegerValue((int) Math.floor(mm));
        }
    }

    private static Optional<SaneOption> option(SaneDevice device, String name) throws IOException {
        SaneOption option = device.getOption(name);
        return option != null && option.isActive() ? Optional.of(option) : Optional.empty();
    }

    private static ScanException unsupported(String what) {
        return new ScanException(ScanError.UNSUPPORTED_SETTINGS, what);
    }
}
