package vn.motcua.scanner.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.ScannerDriver;

/**
 * TWAIN or WIA scanners through a separate worker process (a 32-bit one for 32-bit TWAIN drivers), one process
 * per call or job: a driver that crashes takes only its worker down, and the next job starts a fresh one.
 * The worker relays raw capabilities; mapping them is done here, where it can be tested.
 */
public final class BridgeProcessDriver implements ScannerDriver {

    /** Which Windows scanner API the worker drives; also the driver name and device id prefix. */
    public enum Api {
        TWAIN("twain"),
        WIA("wia");

        private final String driverName;

        Api(String driverName) {
            this.driverName = driverName;
        }

        public String driverName() {
            return driverName;
        }
    }

    private final Api api;
    private final List<String> workerCommand;
    private final Duration replyTimeout;
    private final Duration pageTimeout;

    /**
     * @param workerCommand e.g. {@code ["C:\\Program Files\\Motcua\\worker32\\motcua-scanner-worker.exe"]}
     * @param replyTimeout  start-up and answers to LIST/CAPS/SET
     * @param pageTimeout   one page; keep it under the bridge watchdog's page limit
     */
    public BridgeProcessDriver(Api api, List<String> workerCommand, Duration replyTimeout, Duration pageTimeout) {
        this.api = api;
        this.workerCommand = List.copyOf(workerCommand);
        this.replyTimeout = replyTimeout;
        this.pageTimeout = pageTimeout;
    }

    @Override
    public String name() {
        return api.driverName();
    }

    @Override
    public List<ScannerDevice> discover() throws ScanException {
        try (BridgeConnection connection = connect()) {
            connection.send(BridgeMessage.of("LIST"));
            List<ScannerDevice> devices = new ArrayList<>();
            for (BridgeMessage device : connection.untilEnd(replyTimeout, BridgeErrors.standard())) {
                if (device.is("DEVICE")) {
                    devices.add(ScannerDevice.of(name(), device.require("id"),
                            device.field("name").orElse(device.require("id"))));
                }
            }
            return devices;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException(vn.motcua.scanner.ScanError.CANCELLED, "interrupted");
        }
    }

    @Override
    public Optional<ScannerDevice> device(String localId) {
        return Optional.of(ScannerDevice.of(name(), localId, localId));
    }

    @Override
    public ScannerCapabilities capabilities(ScannerDevice device) throws ScanException {
        try (BridgeConnection connection = connect()) {
            return readCapabilities(connection, device);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException(vn.motcua.scanner.ScanError.CANCELLED, "interrupted");
        }
    }

    @Override
    public ScanSession open(ScannerDevice device, ScanSettings settings) throws ScanException, InterruptedException {
        BridgeConnection connection = connect();
        try {
            ScannerCapabilities capabilities = readCapabilities(connection, device);
            String unsupported = capabilities.unsupportedReason(settings);
            if (unsupported != null) {
                throw new ScanException(vn.motcua.scanner.ScanError.UNSUPPORTED_SETTINGS, unsupported);
            }
            List<BridgeMessage> sets = api == Api.TWAIN ? TwainMapping.settings(settings)
                    : WiaMapping.settings(settings);
            for (BridgeMessage set : sets) {
                connection.send(set);
                BridgeMessage answer = connection.next(replyTimeout);
                if (answer.is("ERROR")) {
                    throw BridgeErrors.standard().toException(answer);
                }
            }
            connection.send(BridgeMessage.of("SCAN", "id", device.localId()));
            return new BridgeScanSession(connection, settings, pageTimeout);
        } catch (ScanException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private ScannerCapabilities readCapabilities(BridgeConnection connection, ScannerDevice device)
            throws ScanException, InterruptedException {
        connection.send(BridgeMessage.of("CAPS", "id", device.localId()));
        List<RawCapability> raw = new ArrayList<>();
        for (BridgeMessage message : connection.untilEnd(replyTimeout, BridgeErrors.standard())) {
            if (message.is("CAP") || message.is("PROP")) {
                raw.add(RawCapability.from(message));
            }
        }
        return api == Api.TWAIN ? TwainMapping.capabilities(raw) : WiaMapping.capabilities(raw);
    }

    private BridgeConnection connect() throws ScanException, InterruptedException {
        return BridgeConnection.start(workerCommand, name(), replyTimeout);
    }
}
