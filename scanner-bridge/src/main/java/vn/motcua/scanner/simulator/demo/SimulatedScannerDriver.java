package vn.motcua.scanner.simulator.demo;

import java.util.List;
import java.util.Set;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.ScannerDriver;

/**
 * A scanner that needs no hardware: flatbed, feeder and duplex, A4 pages with Vietnamese administrative forms,
 * and a jam on demand. Options can be changed between jobs (e.g. from a training screen).
 */
public final class SimulatedScannerDriver implements ScannerDriver {

    public static final String NAME = ScannerDevice.SIMULATED_DRIVER;
    static final ScannerDevice DEVICE = ScannerDevice.of(NAME, "demo", "Máy quét mô phỏng (khay nạp, hai mặt)");
    private static final ScannerCapabilities CAPABILITIES = new ScannerCapabilities(
            Set.of(PaperSource.FLATBED, PaperSource.FEEDER, PaperSource.DUPLEX),
            List.of(100, 150, 200, 300, 600),
            Set.of(ColorMode.COLOR, ColorMode.GRAY, ColorMode.LINEART),
            215.9, 355.6);

    private volatile SimulatedScannerOptions options;

    public SimulatedScannerDriver() {
        this(SimulatedScannerOptions.demo());
    }

    public SimulatedScannerDriver(SimulatedScannerOptions options) {
        this.options = options;
    }

    public void setOptions(SimulatedScannerOptions options) {
        this.options = options;
    }

    public SimulatedScannerOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ScannerDevice> discover() {
        return List.of(DEVICE);
    }

    @Override
    public ScannerCapabilities capabilities(ScannerDevice device) throws ScanException {
        requireOwn(device);
        return CAPABILITIES;
    }

    @Override
    public ScanSession open(ScannerDevice device, ScanSettings settings) throws ScanException {
        requireOwn(device);
        String unsupported = CAPABILITIES.unsupportedReason(settings);
        if (unsupported != null) {
            throw new ScanException(ScanError.UNSUPPORTED_SETTINGS, unsupported);
        }
        return new SimulatedScanSession(settings, options);
    }

    private static void requireOwn(ScannerDevice device) throws ScanException {
        if (!DEVICE.equals(device)) {
            throw new ScanException(ScanError.DEVICE_NOT_FOUND, device.id());
        }
    }
}
