package vn.motcua.scanner.worker;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerCapabilities;

/**
 * TWAIN 2.x capabilities (names and constants as in twain.h) to bridge terms and back. Units are inches
 * (ICAP_UNITS is set to TWUN_INCHES before the layout).
 */
final class TwainMapping {

    private TwainMapping() {
    }

    static ScannerCapabilities capabilities(List<RawCapability> raw) {
        Map<String, RawCapability> caps = raw.stream()
                .collect(Collectors.toMap(RawCapability::name, Function.identity(), (a, b) -> b));
        Set<PaperSource> sources = EnumSet.noneOf(PaperSource.class);
        RawCapability feeder = caps.get("CAP_FEEDERENABLED");
        if (feeder == null || feeder.values().contains("FALSE")) {
            // A feeder that can be switched off leaves a flatbed; no feeder capability at all means flatbed only.
            sources.add(PaperSource.FLATBED);
        }
        if (feeder != null && feeder.values().contains("TRUE")) {
            sources.add(PaperSource.FEEDER);
            RawCapability duplex = caps.get("CAP_DUPLEX");
            if (duplex != null && !duplex.values().isEmpty() && !duplex.single().equals("TWDX_NONE")) {
                sources.add(PaperSource.DUPLEX);
            }
        }
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        RawCapability pixelTypes = caps.get("ICAP_PIXELTYPE");
        if (pixelTypes != null) {
            for (String type : pixelTypes.values()) {
                switch (type) {
                    case "TWPT_BW" -> modes.add(ColorMode.LINEART);
                    case "TWPT_GRAY" -> modes.add(ColorMode.GRAY);
                    case "TWPT_RGB" -> modes.add(ColorMode.COLOR);
                    default -> { }
                }
            }
        }
        RawCapability resolution = caps.get("ICAP_XRESOLUTION");
        List<Integer> resolutions = resolution == null ? List.of() : resolution.resolutions();
        double width = inchesToMm(caps.get("ICAP_PHYSICALWIDTH"), 8.5);
        double height = inchesToMm(caps.get("ICAP_PHYSICALHEIGHT"), 11.69);
        return new ScannerCapabilities(sources, resolutions, modes, width, height);
    }

    private static double inchesToMm(RawCapability inches, double fallback) {
        return (inches == null ? fallback : inches.number()) * 25.4;
    }

    /** The capability sets, in the order TWAIN wants them (units before layout, feeder before duplex). */
    static List<BridgeMessage> settings(ScanSettings settings) {
        boolean feeder = settings.source().usesFeeder();
        List<BridgeMessage> sets = new ArrayList<>();
        sets.add(set("ICAP_UNITS", "TWUN_INCHES"));
        sets.add(set("CAP_FEEDERENABLED", feeder ? "TRUE" : "FALSE"));
        if (feeder) {
            sets.add(set("CAP_AUTOFEED", "TRUE"));
            sets.add(set("CAP_DUPLEXENABLED", settings.source() == PaperSource.DUPLEX ? "TRUE" : "FALSE"));
        }
        sets.add(set("CAP_XFERCOUNT", feeder ? "-1" : "1"));
        switch (settings.colorMode()) {
            case COLOR -> {
                sets.add(set("ICAP_PIXELTYPE", "TWPT_RGB"));
                sets.add(set("ICAP_BITDEPTH", "24"));
            }
            case GRAY -> {
                sets.add(set("ICAP_PIXELTYPE", "TWPT_GRAY"));
                sets.add(set("ICAP_BITDEPTH", "8"));
            }
            case LINEART -> {
                sets.add(set("ICAP_PIXELTYPE", "TWPT_BW"));
                sets.add(set("ICAP_BITDEPTH", "1"));
            }
        }
        sets.add(set("ICAP_XRESOLUTION", Integer.toString(settings.dpi())));
        sets.add(set("ICAP_YRESOLUTION", Integer.toString(settings.dpi())));
        sets.add(BridgeMessage.of("LAYOUT", "left", "0", "top", "0",
                "right", inches(settings.paperSize().widthMm()), "bottom", inches(settings.paperSize().heightMm())));
        return sets;
    }

    private static BridgeMessage set(String capability, String value) {
        return BridgeMessage.of("SET", "name", capability, "value", value);
    }

    private static String inches(double mm) {
        return String.format(java.util.Locale.ROOT, "%.4f", mm / 25.4);
    }

    /** TWAIN condition codes (TWCC_*) as reported by the data source after a failed triplet. */
    static ScanError errorFor(String conditionCode) {
        return switch (conditionCode) {
            case "TWCC_PAPERJAM", "TWCC_PAPERDOUBLEFEED" -> ScanError.JAM;
            case "TWCC_NOMEDIA" -> ScanError.NO_PAPER;
            case "TWCC_INTERLOCK" -> ScanError.COVER_OPEN;
            case "TWCC_CHECKDEVICEONLINE" -> ScanError.OFFLINE;
            case "TWCC_DENIED", "TWCC_MAXCONNECTIONS" -> ScanError.BUSY;
            case "TWCC_BADCAP", "TWCC_CAPUNSUPPORTED", "TWCC_BADVALUE", "TWCC_CAPBADOPERATION" ->
                    ScanError.UNSUPPORTED_SETTINGS;
            case "TWCC_NODS" -> ScanError.DEVICE_NOT_FOUND;
            default -> ScanError.DEVICE_ERROR;
        };
    }
}
