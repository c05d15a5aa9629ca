package vn.motcua.counter.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.PageImages;
import vn.motcua.counter.domain.Page;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanJobState;
import vn.motcua.scanner.ScanListener;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.simulated.SimulatedScannerDriver;

/**
 * Scanning pages for a component: every page is stored in the content store the moment the scanner hands it over,
 * so a jam at page 9 keeps pages 1 to 8.
 */
public final class ScanService {

    private static final Logger LOG = LoggerFactory.getLogger(ScanService.class);

    private final ScannerBridge bridge;
    private final ReceptionService reception;
    private final PageImages images;
    private final Optional<String> profileDevice;
    /** Capabilities do not change while the counter runs; asking a SANE or eSCL device costs a round trip. */
    private final Map<String, ScannerCapabilities> capabilities = new ConcurrentHashMap<>();

    public ScanService(ScannerBridge bridge, ReceptionService reception, PageImages images,
                       Optional<String> profileDevice) {
        this.bridge = bridge;
        this.reception = reception;
        this.images = images;
        this.profileDevice = profileDevice;
    }

    /**
     * The counter's scanner: the scan profile's device when one is set, otherwise the first real scanner found,
     * and the simulator only when no real one answers (demos and training).
     */
    public ScannerDevice defaultDevice() {
        if (profileDevice.isPresent()) {
            try {
                return bridge.device(profileDevice.get());
            } catch (ScanException e) {
                throw new CounterException("scan.failed", e);
            }
        }
        List<ScannerDevice> devices = bridge.discover().devices();
        return devices.stream().filter(d -> !SimulatedScannerDriver.NAME.equals(d.driver())).findFirst()
                .or(() -> devices.stream().findFirst())
                .orElseThrow(() -> new CounterException("scan.no_device"));
    }

    /**
     * Starts a scan; {@code pageStored} runs on the scan thread after each page is safely stored. Settings the
     * device cannot do (duplex on a flatbed-only scanner, a resolution it lacks) are refused before anything starts,
     * naming the setting: {@code scan.unsupported.*}.
     */
    public ScanJob scan(ScannerDevice device, ScanSettings settings, Consumer<Page> pageStored) {
        requireSupported(device, settings);
        try {
            return bridge.scan(device, settings, new ScanListener() {
                @Override
                public void pageScanned(ScannedPage page) {
                    pageStored.accept(reception.storePage(images.encode(page.image(), page.dpi()), Page.PageSource.SCANNED));
                }

                @Override
                public void stateChanged(ScanJobState state) {
                    LOG.debug("scan on {}: {}", device.id(), state);
                }
            });
        } catch (ScanException e) {
            throw new CounterException("scan.failed", e);
        }
    }

    /** A device that cannot be asked is left to the scan itself, which reports it (offline, busy) with what to do. */
    private void requireSupported(ScannerDevice device, ScanSettings settings) {
        ScannerCapabilities known = capabilities.get(device.id());
        if (known == null) {
            try {
                known = bridge.capabilities(device);
                capabilities.put(device.id(), known);
            } catch (ScanException e) {
                LOG.info("capabilities of {} unknown ({}); scanning anyway", device.id(), e.error());
                return;
            }
        }
        ScannerCapabilities can = known;
        can.shortfall(settings).ifPresent(shortfall -> {
            LOG.warn("scan profile refused for {}: {}", device.id(), can.unsupportedReason(settings));
            throw switch (shortfall) {
                case SOURCE -> new CounterException("scan.unsupported.source." + settings.source().name(),
                        device.displayName());
                case COLOR_MODE -> new CounterException("scan.unsupported.mode." + settings.colorMode().name(),
                        device.displayName());
                case RESOLUTION -> new CounterException("scan.unsupported.dpi", device.displayName(),
                        String.valueOf(settings.dpi()), can.resolutions().stream().map(String::valueOf)
                                .collect(Collectors.joining(", ")));
                case PAPER_SIZE -> new CounterException("scan.unsupported.paper", device.displayName(),
                        settings.paperSize().name());
            };
        });
    }
}
