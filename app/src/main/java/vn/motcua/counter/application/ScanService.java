package vn.motcua.counter.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

    /** Starts a scan; {@code pageStored} runs on the scan thread after each page is safely stored. */
    public ScanJob scan(ScannerDevice device, ScanSettings settings, Consumer<Page> pageStored) {
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
}
