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
 * WIA 2.0 item properties (names as in wiadef.h) to bridge terms and back. Bed sizes are in thousandths of an
 * inch; extents are in pixels at the chosen resolution.
 */
final class WiaMapping {

    static final int FEEDER = 0x001;
    static final int FLATBED = 0x002;
    static final int DUPLEX = 0x004;
    static final int DATA_THRESHOLD = 0;
    static final int DATA_GRAYSCALE = 2;
    static final int DATA_COLOR = 3;

    private WiaMapping() {
    }

    static ScannerCapabilities capabilities(List<RawCapability> raw) {
        Map<String, RawCapability> props = raw.stream()
                .collect(Collectors.toMap(RawCapability::name, Function.identity(), (a, b) -> b));
        int handling = props.containsKey("WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES")
                ? (int) props.get("WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES").number() : FLATBED;
        Set<PaperSource> sources = EnumSet.noneOf(PaperSource.class);
        if ((handling & FLATBED) != 0) {
            sources.add(PaperSource.FLATBED);
        }
        if ((handling & FEEDER) != 0) {
            sources.add(PaperSource.FEEDER);
            if ((handling & DUPLEX) != 0) {
                sources.add(PaperSource.DUPLEX);
            }
        }
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        RawCapability dataTypes = props.get("WIA_IPA_DATATYPE");
        if (dataTypes != null) {
            for (String type : dataTypes.values()) {
                switch (Integer.parseInt(type)) {
                    case DATA_THRESHOLD -> modes.add(ColorMode.LINEART);
                    case DATA_GRAYSCALE -> modes.add(ColorMode.GRAY);
                    case DATA_COLOR -> modes.add(ColorMode.COLOR);
                    default -> { }
                }
            }
        }
        RawCapability resolution = props.get("WIA_IPS_XRES");
        List<Integer> resolutions = resolution == null ? List.of() : resolution.resolutions();
        double width = Math.max(thousandthsToMm(props.get("WIA_DPS_HORIZONTAL_BED_SIZE")),
                thousandthsToMm(props.get("WIA_DPS_HORIZONTAL_SHEET_FEED_SIZE")));
        double height = Math.max(thousandthsToMm(props.get("WIA_DPS_VERTICAL_BED_SIZE")),
                thousandthsToMm(props.get("WIA_DPS_VERTICAL_SHEET_FEED_SIZE")));
        return new ScannerCapabilities(sources, resolutions, modes, width, height);
    }

    private static double thousandthsToMm(RawCapability thousandths) {
        return thousandths == null ? 0 : thousandths.number() * 25.4 / 1000.0;
    }

    static List<BridgeMessage> settings(ScanSettings settings) {
        int select = switch (settings.source()) {
            case FLATBED -> FLATBED;
            case FEEDER -> FEEDER;
            case DUPLEX -> FEEDER | DUPLEX;
        };
        int dataType = switch (settings.colorMode()) {
            case COLOR -> DATA_COLOR;
            case GRAY -> DATA_GRAYSCALE;
            case LINEART -> DATA_THRESHOLD;
        };
        int depth = switch (settings.colorMode()) {
            case COLOR -> 24;
            case GRAY -> 8;
            case LINEART -> 1;
        };
        List<BridgeMessage> sets = new ArrayList<>();
        sets.add(set("WIA_DPS_DOCUMENT_HANDLING_SELECT", select));
        // 0 pages = everything in the feeder.
        sets.add(set("WIA_DPS_PAGES", settings.source().usesFeeder() ? 0 : 1));
        sets.add(set("WIA_IPA_DATATYPE", dataType));
        sets.add(set("WIA_IPA_DEPTH", depth));
        sets.add(set("WIA_IPS_XRES", settings.dpi()));
        sets.add(set("WIA_IPS_YRES", settings.dpi()));
        sets.add(set("WIA_IPS_XPOS", 0));
        sets.add(set("WIA_IPS_YPOS", 0));
        sets.add(set("WIA_IPS_XEXTENT", settings.paperSize().widthPixels(settings.dpi())));
        sets.add(set("WIA_IPS_YEXTENT", settings.paperSize().heightPixels(settings.dpi())));
        return sets;
    }

    private static BridgeMessage set(String property, int value) {
        return BridgeMessage.of("SET", "name", property, "value", Integer.toString(value));
    }

    /** WIA HRESULTs: MAKE_HRESULT(SEVERITY_ERROR, FACILITY_WIA, n) from wiadef.h, as reported by the worker. */
    static ScanError errorFor(String hresult) {
        long code = Long.decode(hresult);
        return switch ((int) code) {
            case 0x80210002, 0x80210004, 0x80210014 -> ScanError.JAM;  // PAPER_JAM, PAPER_PROBLEM, MULTI_FEED
            case 0x80210003 -> ScanError.NO_PAPER;                     // PAPER_EMPTY
            case 0x80210005, 0x8021000A -> ScanError.OFFLINE;          // OFFLINE, DEVICE_COMMUNICATION
            case 0x80210006, 0x80210007, 0x8021000D -> ScanError.BUSY; // BUSY, WARMING_UP, DEVICE_LOCKED
            // COVER_OPEN is n=16 (0x80210010); several tables on the web print 0x80210016, accept both.
            case 0x80210010, 0x80210016 -> ScanError.COVER_OPEN;
            case 0x80210015 -> ScanError.DEVICE_NOT_FOUND;             // WIA_S_NO_DEVICE_AVAILABLE
            case 0x8021000C -> ScanError.UNSUPPORTED_SETTINGS;         // INCORRECT_HARDWARE_SETTING
            case 0x800704C7 -> ScanError.CANCELLED;                    // HRESULT_FROM_WIN32(ERROR_CANCELLED)
            default -> ScanError.DEVICE_ERROR;
        };
    }
}
