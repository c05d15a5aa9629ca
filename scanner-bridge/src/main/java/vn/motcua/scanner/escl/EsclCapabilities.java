package vn.motcua.scanner.escl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScannerCapabilities;

/** What a {@code ScannerCapabilities} document says, in bridge terms plus the formats the device can send. */
record EsclCapabilities(String makeAndModel, ScannerCapabilities capabilities, Set<String> documentFormats) {

    static final double MM_PER_UNIT = 25.4 / 300.0;

    static EsclCapabilities parse(byte[] xml) throws Exception {
        Document document = EsclXml.parse(xml);
        if (EsclXml.first(document, "ScannerCapabilities").isEmpty()) {
            throw new IllegalArgumentException("not a ScannerCapabilities document");
        }
        Set<PaperSource> sources = EnumSet.noneOf(PaperSource.class);
        List<Element> inputCaps = new ArrayList<>();
        for (Element platen : EsclXml.all(document, "PlatenInputCaps")) {
            sources.add(PaperSource.FLATBED);
            inputCaps.add(platen);
        }
        for (Element simplex : EsclXml.all(document, "AdfSimplexInputCaps")) {
            sources.add(PaperSource.FEEDER);
            inputCaps.add(simplex);
        }
        for (Element duplex : EsclXml.all(document, "AdfDuplexInputCaps")) {
            sources.add(PaperSource.DUPLEX);
            inputCaps.add(duplex);
        }
        // Older devices announce duplex only as an ADF option.
        if (sources.contains(PaperSource.FEEDER) && EsclXml.all(document, "AdfOption").stream()
                .anyMatch(option -> option.getTextContent().strip().equals("Duplex"))) {
            sources.add(PaperSource.DUPLEX);
        }
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        for (Element mode : EsclXml.all(document, "ColorMode")) {
            colorModeOf(mode.getTextContent().strip()).ifPresent(modes::add);
        }
        Set<Integer> resolutions = new LinkedHashSet<>();
        for (Element resolution : EsclXml.all(document, "DiscreteResolution")) {
            Optional<String> x = EsclXml.text(resolution, "XResolution");
            Optional<String> y = EsclXml.text(resolution, "YResolution");
            if (x.isPresent() && x.equals(y)) {
                resolutions.add(Integer.parseInt(x.get()));
            }
        }
        Set<String> formats = new LinkedHashSet<>();
        EsclXml.all(document, "DocumentFormat").forEach(format -> formats.add(format.getTextContent().strip()));
        EsclXml.all(document, "DocumentFormatExt").forEach(format -> formats.add(format.getTextContent().strip()));
        double maxWidth = 0;
        double maxHeight = 0;
        for (Element caps : inputCaps) {
            maxWidth = Math.max(maxWidth, EsclXml.text(caps, "MaxWidth").map(Integer::parseInt).orElse(0));
            maxHeight = Math.max(maxHeight, EsclXml.text(caps, "MaxHeight").map(Integer::parseInt).orElse(0));
        }
        String makeAndModel = EsclXml.text(document, "MakeAndModel").orElse("eSCL scanner");
        return new EsclCapabilities(makeAndModel, new ScannerCapabilities(sources, new ArrayList<>(resolutions),
                modes, maxWidth * MM_PER_UNIT, maxHeight * MM_PER_UNIT), formats);
    }

    static Optional<ColorMode> colorModeOf(String escl) {
        return switch (escl) {
            case "RGB24", "RGB48" -> Optional.of(ColorMode.COLOR);
            case "Grayscale8", "Grayscale16" -> Optional.of(ColorMode.GRAY);
            case "BlackAndWhite1" -> Optional.of(ColorMode.LINEART);
            default -> Optional.empty();
        };
    }

    static String esclColorMode(ColorMode mode) {
        return switch (mode) {
            case COLOR -> "RGB24";
            case GRAY -> "Grayscale8";
            case LINEART -> "BlackAndWhite1";
        };
    }
}
