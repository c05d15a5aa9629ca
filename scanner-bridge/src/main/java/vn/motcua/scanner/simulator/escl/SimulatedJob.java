package vn.motcua.scanner.simulator.escl;

import java.util.List;
import org.w3c.dom.Document;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.escl.EsclXml;

/** A job as the simulator tracks it; fields guarded by the simulator's lock. */
final class SimulatedJob {

    final String uuid;
    final boolean feeder;
    final boolean duplex;
    final ColorMode colorMode;
    final int dpi;
    final int widthUnits;
    final int heightUnits;
    final String format;
    final int totalPages;
    int delivered;
    int notReadyLeft;
    String state = "Processing";
    List<String> reasons = List.of("JobScanning");

    private SimulatedJob(String uuid, boolean feeder, boolean duplex, ColorMode colorMode, int dpi, int widthUnits,
                         int heightUnits, String format, int totalPages) {
        this.uuid = uuid;
        this.feeder = feeder;
        this.duplex = duplex;
        this.colorMode = colorMode;
        this.dpi = dpi;
        this.widthUnits = widthUnits;
        this.heightUnits = heightUnits;
        this.format = format;
        this.totalPages = totalPages;
    }

    /** Reads a posted ScanSettings document; throws IllegalArgumentException for what a device answers 400 to. */
    static SimulatedJob from(String uuid, byte[] settingsXml, EsclSimulatorConfig config) throws Exception {
        Document settings = EsclXml.parse(settingsXml);
        boolean feeder = EsclXml.text(settings, "InputSource").orElse("Platen").equals("Feeder");
        boolean duplex = feeder && EsclXml.text(settings, "Duplex").orElse("false").equals("true");
        if (duplex && !config.duplex()) {
            throw new IllegalArgumentException("duplex not supported");
        }
        ColorMode mode = switch (EsclXml.text(settings, "ColorMode").orElse("RGB24")) {
            case "RGB24" -> ColorMode.COLOR;
            case "Grayscale8" -> ColorMode.GRAY;
            case "BlackAndWhite1" -> ColorMode.LINEART;
            default -> throw new IllegalArgumentException("colour mode");
        };
        int dpi = Integer.parseInt(EsclXml.text(settings, "XResolution").orElse("300"));
        if (!SimulatorDocuments.RESOLUTIONS.contains(dpi)) {
            throw new IllegalArgumentException("resolution " + dpi);
        }
        int width = Math.min(Integer.parseInt(EsclXml.text(settings, "Width").orElse("2480")),
                SimulatorDocuments.MAX_WIDTH);
        int height = Math.min(Integer.parseInt(EsclXml.text(settings, "Height").orElse("3508")),
                feeder ? SimulatorDocuments.MAX_HEIGHT_ADF : SimulatorDocuments.MAX_HEIGHT_PLATEN);
        String format = EsclXml.text(settings, "DocumentFormatExt")
                .or(() -> EsclXml.text(settings, "DocumentFormat")).orElse("image/jpeg");
        if (!format.equals("image/jpeg") && !format.equals("image/png")) {
            throw new IllegalArgumentException("format " + format);
        }
        int total = !feeder ? 1 : config.sheetsInFeeder() * (duplex ? 2 : 1);
        SimulatedJob job = new SimulatedJob(uuid, feeder, duplex, mode, dpi, width, height, format, total);
        job.notReadyLeft = config.notReadyPerPage();
        return job;
    }
}
