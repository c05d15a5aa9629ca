package vn.motcua.counter.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanListener;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;

/**
 * The counter's scanners, one setup for the window and {@code motcua scan}: which devices every driver sees, the
 * counter's default device, and scans checked against what the device can do before they start.
 */
public final class Scanners implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scanners.class);

    private final ScannerBridge bridge;
    private final Optional<String> profileDevice;
    /** Capabilities do not change while the counter runs; asking a SANE or eSCL device costs a round trip. */
    private final Map<String, ScannerCapabilities> capabilities = new ConcurrentHashMap<>();

    public Scanners(ScannerBridge bridge, Optional<String> profileDevice) {
        this.bridge = bridge;
        this.profileDevice = profileDevice;
    }

    /** What every driver sees, and the drivers that could not look. */
    public ScannerBridge.Discovery discover() {
        return bridge.discover();
    }

    /** The device with this id ({@code scan --list} shows them). */
    public ScannerDevice device(String id) throws ScanException {
        return bridge.device(id);
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
        return devices.stream().filter(d -> !d.simulated()).findFirst()
                .or(() -> devices.stream().findFirst())
                .orElseThrow(() -> new CounterException("scan.no_device"));
    }

    /**
     * Starts a scan whose pages go to {@code listener} (on the scan thread). Settings the device cannot do (duplex on a
     * flatbed-only scanner, a resolution it lacks) are refused before anything starts, naming the setting:
     * {@code scan.unsupported.*}.
     */
    public ScanJob scan(ScannerDevice device, ScanSettings settings, ScanListener listener) {
        requireSupported(device, settings);
        try {
            return bridge.scan(device, settings, listener);
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

    @Override
    public void close() {
        bridge.close();
    }
}
