package vn.motcua.counter.application;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.PageImages;
import vn.motcua.counter.domain.Page;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanJobState;
import vn.motcua.scanner.ScanListener;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerDevice;

/**
 * Scanning pages for a component: every page is stored in the content store the moment the scanner hands it over,
 * so a jam at page 9 keeps pages 1 to 8.
 */
public final class ScanService {

    private static final Logger LOG = LoggerFactory.getLogger(ScanService.class);

    private final Scanners scanners;
    private final ReceptionService reception;
    private final PageImages images;

    public ScanService(Scanners scanners, ReceptionService reception, PageImages images) {
        this.scanners = scanners;
        this.reception = reception;
        this.images = images;
    }

    /** The counter's default scanner (see {@link Scanners#defaultDevice()}). */
    public ScannerDevice defaultDevice() {
        return scanners.defaultDevice();
    }

    /** Starts a scan; {@code pageStored} runs on the scan thread after each page is safely stored. */
    public ScanJob scan(ScannerDevice device, ScanSettings settings, Consumer<Page> pageStored) {
        return scanners.scan(device, settings, new ScanListener() {
            @Override
            public void pageScanned(ScannedPage page) {
                pageStored.accept(reception.storePage(images.encode(page.image(), page.dpi()),
                        Page.PageSource.SCANNED));
            }

            @Override
            public void stateChanged(ScanJobState state) {
                LOG.debug("scan on {}: {}", device.id(), state);
            }
        });
    }
}
