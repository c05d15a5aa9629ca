package vn.motcua.scanner.simulator.worker;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.Side;
import vn.motcua.scanner.simulator.demo.DemoPages;
import vn.motcua.scanner.worker.BridgeMessage;
import vn.motcua.scanner.worker.BridgeMessage;
import vn.motcua.scanner.worker.host.WorkerBackend;

/**
 * A virtual data source answering in TWAIN capability or WIA property terms, as a real worker would relay them,
 * with the simulated scanner's pages. Faults on demand: a jam (reported as TWCC_PAPERJAM or
 * WIA_ERROR_PAPER_JAM), a crash (the process halts) and a hang (the process stops answering).
 */
public final class VirtualSource implements WorkerBackend {

    private final int sheets;
    private final int jamAt;
    private final int crashAt;
    private final int hangAt;
    private final long pageDelayMillis;
    private final Map<String, String> settings = new HashMap<>();
    private String api = "twain";
    private volatile boolean cancelled;

    public VirtualSource(Map<String, String> options) {
        sheets = Integer.parseInt(options.getOrDefault("sheets", "3"));
        jamAt = Integer.parseInt(options.getOrDefault("jam-at", "0"));
        crashAt = Integer.parseInt(options.getOrDefault("crash-at", "0"));
        hangAt = Integer.parseInt(options.getOrDefault("hang-at", "0"));
        pageDelayMillis = Long.parseLong(options.getOrDefault("page-delay-ms", "0"));
    }

    @Override
    public void hello(String api) {
        this.api = api;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void handle(BridgeMessage request, Sender out) throws IOException, InterruptedException {
        switch (request.verb()) {
            case "LIST" -> {
                out.send(BridgeMessage.of("DEVICE", "id", "virtual-0", "name", "Motcua Virtual " + api.toUpperCase()
                        + " Source"));
                out.send(BridgeMessage.of("END"));
            }
            case "CAPS" -> {
                if (api.equals("wia")) {
                    wiaProperties(out);
                } else {
                    twainCapabilities(out);
                }
                out.send(BridgeMessage.of("END"));
            }
            case "SET", "LAYOUT" -> {
                if (request.is("SET")) {
                    settings.put(request.require("name"), request.require("value"));
                } else {
                    settings.put("LAYOUT_RIGHT", request.require("right"));
                    settings.put("LAYOUT_BOTTOM", request.require("bottom"));
                }
                out.send(BridgeMessage.of("OK"));
            }
            case "SCAN" -> scan(out);
            default -> out.send(BridgeMessage.of("ERROR", "source", "worker", "code", "DEVICE_ERROR",
                    "detail", "unknown request " + request.verb()));
        }
    }

    private static void twainCapabilities(Sender out) throws IOException {
        out.send(BridgeMessage.of("CAP", "name", "CAP_FEEDERENABLED", "values", "TRUE,FALSE"));
        out.send(BridgeMessage.of("CAP", "name", "CAP_DUPLEX", "value", "TWDX_1PASSDUPLEX"));
        out.send(BridgeMessage.of("CAP", "name", "ICAP_PIXELTYPE", "values", "TWPT_BW,TWPT_GRAY,TWPT_RGB"));
        out.send(BridgeMessage.of("CAP", "name", "ICAP_XRESOLUTION", "values", "100,150,200,300,600"));
        out.send(BridgeMessage.of("CAP", "name", "ICAP_PHYSICALWIDTH", "value", "8.5"));
        out.send(BridgeMessage.of("CAP", "name", "ICAP_PHYSICALHEIGHT", "value", "14"));
    }

    private static void wiaProperties(Sender out) throws IOException {
        out.send(BridgeMessage.of("PROP", "name", "WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES", "value", "7"));
        out.send(BridgeMessage.of("PROP", "name", "WIA_IPA_DATATYPE", "values", "0,2,3"));
        out.send(BridgeMessage.of("PROP", "name", "WIA_IPS_XRES", "values", "100,150,200,300,600"));
        out.send(BridgeMessage.of("PROP", "name", "WIA_DPS_HORIZONTAL_BED_SIZE", "value", "8500"));
        out.send(BridgeMessage.of("PROP", "name", "WIA_DPS_VERTICAL_BED_SIZE", "value", "11700"));
        out.send(BridgeMessage.of("PROP", "name", "WIA_DPS_VERTICAL_SHEET_FEED_SIZE", "value", "14000"));
    }

    private void scan(Sender out) throws IOException, InterruptedException {
        cancelled = false;
        boolean wia = api.equals("wia");
        int select = Integer.parseInt(settings.getOrDefault("WIA_DPS_DOCUMENT_HANDLING_SELECT", "2"));
        boolean feeder = wia ? (select & 1) != 0 : settings.getOrDefault("CAP_FEEDERENABLED", "FALSE").equals("TRUE");
        boolean duplex = wia ? (select & 4) != 0 : settings.getOrDefault("CAP_DUPLEXENABLED", "FALSE").equals("TRUE");
        int dpi = Integer.parseInt(settings.getOrDefault(wia ? "WIA_IPS_XRES" : "ICAP_XRESOLUTION", "200"));
        ColorMode mode = wia ? switch (settings.getOrDefault("WIA_IPA_DATATYPE", "3")) {
            case "0" -> ColorMode.LINEART;
            case "2" -> ColorMode.GRAY;
            default -> ColorMode.COLOR;
        } : switch (settings.getOrDefault("ICAP_PIXELTYPE", "TWPT_RGB")) {
            case "TWPT_BW" -> ColorMode.LINEART;
            case "TWPT_GRAY" -> ColorMode.GRAY;
            default -> ColorMode.COLOR;
        };
        int total = !feeder ? 1 : sheets * (duplex ? 2 : 1);
        if (feeder && sheets == 0) {
            out.send(noPaper(wia));
            return;
        }
        for (int page = 1; page <= total; page++) {
            if (cancelled) {
                out.send(BridgeMessage.of("ERROR", "source", "worker", "code", "CANCELLED"));
                return;
            }
            if (page == crashAt) {
                Runtime.getRuntime().halt(3);
            }
            if (page == hangAt) {
                Thread.sleep(Long.MAX_VALUE);
            }
            if (feeder && page == jamAt) {
                out.send(wia ? BridgeMessage.of("ERROR", "source", "wia", "hresult", "0x80210002")
                        : BridgeMessage.of("ERROR", "source", "twain", "cc", "TWCC_PAPERJAM"));
                return;
            }
            Thread.sleep(pageDelayMillis);
            PaperSource source = duplex ? PaperSource.DUPLEX : PaperSource.FEEDER;
            int sheet = source.sheetOf(page);
            Side side = source.sideOf(page);
            BufferedImage image = DemoPages.render(sheet, side, dpi, PaperSize.A4, mode);
            ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 20);
            ImageIO.write(image, "png", png);
            out.send(BridgeMessage.of("PAGE", "number", Integer.toString(page), "sheet", Integer.toString(sheet),
                    "side", side == Side.BACK ? "back" : "front", "dpi", Integer.toString(dpi), "format", "png")
                    .withPayload(png.toByteArray()));
        }
        out.send(BridgeMessage.of("DONE"));
    }

    private static BridgeMessage noPaper(boolean wia) {
        return wia ? BridgeMessage.of("ERROR", "source", "wia", "hresult", "0x80210003")
                : BridgeMessage.of("ERROR", "source", "twain", "cc", "TWCC_NOMEDIA");
    }
}
