package vn.motcua.scanner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point the application uses: discovery, capabilities and jobs across all drivers, each call under
 * the {@link Watchdog}. Thread-safe; call from background threads (calls block up to the watchdog's limits).
 */
public final class ScannerBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScannerBridge.class);

    private final Map<String, ScannerDriver> drivers = new LinkedHashMap<>();
    private final Watchdog watchdog;

    public ScannerBridge(Collection<? extends ScannerDriver> drivers) {
        this(drivers, Watchdog.defaults());
    }

    public ScannerBridge(Collection<? extends ScannerDriver> drivers, Watchdog watchdog) {
        for (ScannerDriver driver : drivers) {
            if (this.drivers.putIfAbsent(driver.name(), driver) != null) {
                throw new IllegalArgumentException("Two drivers named " + driver.name());
            }
        }
        this.watchdog = watchdog;
    }

    /** Devices found and, per driver that failed, why (for "SANE host 10.0.0.5 does not answer"). */
    public record Discovery(List<ScannerDevice> devices, Map<String, ScanError> failedDrivers) {
        public Discovery {
            devices = List.copyOf(devices);
            failedDrivers = Map.copyOf(failedDrivers);
        }
    }

    /** Asks all drivers at once; the slowest is bounded by the watchdog's discovery limit. */
    public Discovery discover() {
        List<ScannerDevice> devices = new ArrayList<>();
        Map<String, ScanError> failures = new LinkedHashMap<>();
        Map<String, Thread> running = new LinkedHashMap<>();
        Map<String, Object> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        for (ScannerDriver driver : drivers.values()) {
            running.put(driver.name(), Thread.ofVirtual().start(() -> {
                try {
                    outcomes.put(driver.name(), timed(driver, "discover", driver::discover));
                } catch (ScanException e) {
                    outcomes.put(driver.name(), e);
                }
            }));
        }
        for (var entry : running.entrySet()) {
            try {
                entry.getValue().join(watchdog.discovery().plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Object outcome = outcomes.get(entry.getKey());
            if (outcome instanceof List<?> found) {
                found.forEach(device -> devices.add((ScannerDevice) device));
            } else if (outcome instanceof ScanException e) {
                LOG.warn("Discovery by {} failed: {}", entry.getKey(), e.getMessage());
                failures.put(entry.getKey(), e.error());
            } else {
                failures.put(entry.getKey(), ScanError.DRIVER_HUNG);
            }
        }
        return new Discovery(devices, failures);
    }

    /** Resolves a saved device id ({@code sane:net:127.0.0.1:test:0}) without a full discovery. */
    public ScannerDevice device(String deviceId) throws ScanException {
        ScannerDriver driver = driverFor(ScannerDevice.driverOf(deviceId));
        String localId = deviceId.substring(driver.name().length() + 1);
        Optional<ScannerDevice> device = timed(driver, "device", () -> driver.device(localId));
        return device.orElseThrow(() -> new ScanException(ScanError.DEVICE_NOT_FOUND, deviceId));
    }

    public ScannerCapabilities capabilities(ScannerDevice device) throws ScanException {
        ScannerDriver driver = driverFor(device.driver());
        return timed(driver, "capabilities", () -> driver.capabilities(device));
    }

    /** Starts a job and returns at once; pages and the end arrive through the listener and the job. */
    public ScanJob scan(ScannerDevice device, ScanSettings settings, ScanListener listener) throws ScanException {
        WatchedScanJob job = new WatchedScanJob(driverFor(device.driver()), device, settings, listener, watchdog);
        job.start();
        return job;
    }

    public List<String> driverNames() {
        return List.copyOf(drivers.keySet());
    }

    /**
     * The driver of this type, for setting it up (the simulator's jam on demand in training and tests). Scanning
     * still goes through the bridge, which watches every driver call.
     */
    public <T extends ScannerDriver> java.util.Optional<T> driver(Class<T> type) {
        return drivers.values().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private ScannerDriver driverFor(String name) throws ScanException {
        ScannerDriver driver = drivers.get(name);
        if (driver == null) {
            throw new ScanException(ScanError.DEVICE_NOT_FOUND, "no driver named " + name);
        }
        return driver;
    }

    private <T> T timed(ScannerDriver driver, String what, java.util.concurrent.Callable<T> call)
            throws ScanException {
        // A fresh daemon thread per call: these are rare, and a hung one must not block the next.
        ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("scanner-" + driver.name() + "-" + what).factory());
        try {
            return DriverCall.run(thread, driver.name() + " " + what, watchdog.discovery(), call, () -> false,
                    watchdog.cancelGrace());
        } finally {
            thread.shutdownNow();
        }
    }

    @Override
    public void close() {
        for (ScannerDriver driver : drivers.values()) {
            try {
                driver.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing driver {} failed: {}", driver.name(), e.toString());
            }
        }
    }
}
