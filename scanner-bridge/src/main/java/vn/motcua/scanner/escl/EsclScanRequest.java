package vn.motcua.scanner.escl;

import java.util.Set;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanSettings;

/** The {@code ScanSettings} document posted to {@code ScanJobs}. */
final class EsclScanRequest {

    private EsclScanRequest() {
    }

    /**
     * JPEG for colour and grey (every eSCL device has it, and it is small on the wire); PNG for line art when
     * offered, since JPEG cannot carry one bit per pixel.
     */
    static String formatFor(ColorMode mode, Set<String> offered) {
        if (mode == ColorMode.LINEART && offered.contains("image/png")) {
            return "image/png";
        }
        if (offered.contains("image/jpeg") || !offered.contains("image/png")) {
            return "image/jpeg";
        }
        return "image/png";
    }

    static String xml(ScanSettings settings, String format) {
        long width = Math.round(settings.paperSize().widthMm() / EsclCapabilities.MM_PER_UNIT);
        long height = Math.round(settings.paperSize().heightMm() / EsclCapabilities.MM_PER_UNIT);
        String source = settings.source() == PaperSource.FLATBED ? "Platen" : "Feeder";
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scan:ScanSettings xmlns:scan=\"").append(EsclXml.SCAN_NS)
                .append("\" xmlns:pwg=\"").append(EsclXml.PWG_NS).append("\">\n")
                .append("  <pwg:Version>2.0</pwg:Version>\n")
                .append("  <scan:Intent>Document</scan:Intent>\n")
                .append("  <pwg:ScanRegions>\n    <pwg:ScanRegion>\n")
                .append("      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>\n")
                .append("      <pwg:XOffset>0</pwg:XOffset>\n      <pwg:YOffset>0</pwg:YOffset>\n")
                .append("      <pwg:Width>").append(width).append("</pwg:Width>\n")
                .append("      <pwg:Height>").append(height).append("</pwg:Height>\n")
                .append("    </pwg:ScanRegion>\n  </pwg:ScanRegions>\n")
                .append("  <pwg:InputSource>").append(source).append("</pwg:InputSource>\n");
        if (settings.source() != PaperSource.FLATBED) {
            xml.append("  <scan:Duplex>").append(settings.source() == PaperSource.DUPLEX).append("</scan:Duplex>\n");
        }
        xml.append("  <scan:ColorMode>").append(EsclCapabilities.esclColorMode(settings.colorMode()))
                .append("</scan:ColorMode>\n")
                .append("  <scan:XResolution>").append(settings.dpi()).append("</scan:XResolution>\n")
                .append("  <scan:YResolution>").append(settings.dpi()).append("</scan:YResolution>\n")
                .append("  <pwg:DocumentFormat>").append(format).append("</pwg:DocumentFormat>\n")
                .append("  <scan:DocumentFormatExt>").append(format).append("</scan:DocumentFormatExt>\n")
                .append("</scan:ScanSettings>\n");
        return xml.toString();
    }
}
