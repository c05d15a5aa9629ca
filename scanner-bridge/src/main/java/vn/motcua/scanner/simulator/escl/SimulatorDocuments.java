package vn.motcua.scanner.simulator.escl;

import java.util.Collection;
import java.util.List;
import vn.motcua.scanner.escl.EsclXml;

/** The XML the simulator serves: ScannerCapabilities and ScannerStatus as eSCL 2.x devices write them. */
final class SimulatorDocuments {

    static final List<Integer> RESOLUTIONS = List.of(100, 150, 200, 300, 600);
    /** 8.5 inch in 1/300 inch; the platen is A4-long, the feeder takes legal. */
    static final int MAX_WIDTH = 2550;
    static final int MAX_HEIGHT_PLATEN = 3508;
    static final int MAX_HEIGHT_ADF = 4200;
    static final String MAKE_AND_MODEL = "Motcua eSCL Simulator";

    private SimulatorDocuments() {
    }

    static String capabilities(String uuid, boolean duplex) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scan:ScannerCapabilities xmlns:scan=\"").append(EsclXml.SCAN_NS)
                .append("\" xmlns:pwg=\"").append(EsclXml.PWG_NS).append("\">\n")
                .append("  <pwg:Version>2.63</pwg:Version>\n")
                .append("  <pwg:MakeAndModel>").append(MAKE_AND_MODEL).append("</pwg:MakeAndModel>\n")
                .append("  <pwg:SerialNumber>MOTCUA-SIM-1</pwg:SerialNumber>\n")
                .append("  <scan:UUID>").append(uuid).append("</scan:UUID>\n")
                .append("  <scan:Platen>\n    <scan:PlatenInputCaps>\n");
        inputCaps(xml, MAX_HEIGHT_PLATEN);
        xml.append("    </scan:PlatenInputCaps>\n  </scan:Platen>\n")
                .append("  <scan:Adf>\n    <scan:AdfSimplexInputCaps>\n");
        inputCaps(xml, MAX_HEIGHT_ADF);
        xml.append("    </scan:AdfSimplexInputCaps>\n");
        if (duplex) {
            xml.append("    <scan:AdfDuplexInputCaps>\n");
            inputCaps(xml, MAX_HEIGHT_ADF);
            xml.append("    </scan:AdfDuplexInputCaps>\n");
        }
        xml.append("    <scan:FeederCapacity>50</scan:FeederCapacity>\n")
                .append("    <scan:AdfOptions>\n      <scan:AdfOption>DetectPaperLoaded</scan:AdfOption>\n");
        if (duplex) {
            xml.append("      <scan:AdfOption>Duplex</scan:AdfOption>\n");
        }
        xml.append("    </scan:AdfOptions>\n  </scan:Adf>\n</scan:ScannerCapabilities>\n");
        return xml.toString();
    }

    private static void inputCaps(StringBuilder xml, int maxHeight) {
        xml.append("      <scan:MinWidth>16</scan:MinWidth>\n")
                .append("      <scan:MaxWidth>").append(MAX_WIDTH).append("</scan:MaxWidth>\n")
                .append("      <scan:MinHeight>16</scan:MinHeight>\n")
                .append("      <scan:MaxHeight>").append(maxHeight).append("</scan:MaxHeight>\n")
                .append("      <scan:MaxScanRegions>1</scan:MaxScanRegions>\n")
                .append("      <scan:SettingProfiles>\n        <scan:SettingProfile>\n")
                .append("          <scan:ColorModes>\n")
                .append("            <scan:ColorMode>BlackAndWhite1</scan:ColorMode>\n")
                .append("            <scan:ColorMode>Grayscale8</scan:ColorMode>\n")
                .append("            <scan:ColorMode>RGB24</scan:ColorMode>\n")
                .append("          </scan:ColorModes>\n")
                .append("          <scan:DocumentFormats>\n")
                .append("            <pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat>\n")
                .append("            <pwg:DocumentFormat>image/png</pwg:DocumentFormat>\n")
                .append("            <scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt>\n")
                .append("            <scan:DocumentFormatExt>image/png</scan:DocumentFormatExt>\n")
                .append("          </scan:DocumentFormats>\n")
                .append("          <scan:SupportedResolutions>\n            <scan:DiscreteResolutions>\n");
        for (int dpi : RESOLUTIONS) {
            xml.append("              <scan:DiscreteResolution><scan:XResolution>").append(dpi)
                    .append("</scan:XResolution><scan:YResolution>").append(dpi)
                    .append("</scan:YResolution></scan:DiscreteResolution>\n");
        }
        xml.append("            </scan:DiscreteResolutions>\n          </scan:SupportedResolutions>\n")
                .append("        </scan:SettingProfile>\n      </scan:SettingProfiles>\n")
                .append("      <scan:SupportedIntents><scan:Intent>Document</scan:Intent>")
                .append("<scan:Intent>TextAndGraphic</scan:Intent><scan:Intent>Photo</scan:Intent>")
                .append("</scan:SupportedIntents>\n")
                .append("      <scan:MaxOpticalXResolution>600</scan:MaxOpticalXResolution>\n")
                .append("      <scan:MaxOpticalYResolution>600</scan:MaxOpticalYResolution>\n");
    }

    static String status(String state, String adfState, Collection<SimulatedJob> jobs) {
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scan:ScannerStatus xmlns:scan=\"").append(EsclXml.SCAN_NS)
                .append("\" xmlns:pwg=\"").append(EsclXml.PWG_NS).append("\">\n")
                .append("  <pwg:Version>2.63</pwg:Version>\n")
                .append("  <pwg:State>").append(state).append("</pwg:State>\n")
                .append("  <scan:AdfState>").append(adfState).append("</scan:AdfState>\n")
                .append("  <scan:Jobs>\n");
        for (SimulatedJob job : jobs) {
            xml.append("    <scan:JobInfo>\n")
                    .append("      <pwg:JobUri>/eSCL/ScanJobs/").append(job.uuid).append("</pwg:JobUri>\n")
                    .append("      <pwg:JobUuid>").append(job.uuid).append("</pwg:JobUuid>\n")
                    .append("      <scan:Age>1</scan:Age>\n")
                    .append("      <pwg:ImagesCompleted>").append(job.delivered).append("</pwg:ImagesCompleted>\n")
                    .append("      <pwg:ImagesToTransfer>").append(job.totalPages - job.delivered)
                    .append("</pwg:ImagesToTransfer>\n")
                    .append("      <pwg:JobState>").append(job.state).append("</pwg:JobState>\n")
                    .append("      <pwg:JobStateReasons>\n");
            for (String reason : job.reasons) {
                xml.append("        <pwg:JobStateReason>").append(reason).append("</pwg:JobStateReason>\n");
            }
            xml.append("      </pwg:JobStateReasons>\n    </scan:JobInfo>\n");
        }
        xml.append("  </scan:Jobs>\n</scan:ScannerStatus>\n");
        return xml.toString();
    }
}
