package vn.motcua.scanner.sane;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.ScannerDriver;

/**
 * SANE scanners through {@code saned}'s network protocol ({@link SaneConnection}, pure Java). On Linux, local USB
 * scanners are reached the same way through a saned on 127.0.0.1, so no native SANE code runs inside the
 * application. A saned that asks for a user and password ({@code saned.users}) is answered from
 * {@link SaneCredentials}.
 */
public final class SaneDriver implements ScannerDriver {

    public static final String NAME = "sane";
    private static final Logger LOG = LoggerFactory.getLogger(SaneDriver.class);

    private final List<SaneHost> hosts;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SaneOptionOverrides overrides;
    private final SaneCredentials credentials;

    public SaneDriver(List<SaneHost> hosts, SaneCredentials credentials) {
        this(hosts, Duration.ofSeconds(3), Duration.ofSeconds(60), SaneOptionOverrides.NONE, credentials);
    }

    /**
     * @param readTimeout a socket read that waits longer fails the page (saned itself hung); keep it under the
     *                    watchdog's page limit so the error says "saned stopped answering"
     * @param credentials answers for a saned that asks for a user and password
     */
    public SaneDriver(List<SaneHost> hosts, Duration connectTimeout, Duration readTimeout,
                      SaneOptionOverrides overrides, SaneCredentials credentials) {
        this.hosts = List.copyOf(hosts);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.overrides = overrides;
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Lists devices on every host; a host that does not answer is skipped unless none answers. */
    @Override
    public List<ScannerDevice> discover() throws ScanException {
        List<ScannerDevice> devices = new ArrayList<>();
        ScanException lastFailure = null;
        for (SaneHost host : hosts) {
            try (SaneConnection connection = connect(host)) {
                for (SaneConnection.Device device : connection.devices()) {
                    devices.add(deviceFor(new SaneDeviceName(host, device.name()),
                            device.vendor() + " " + device.model()));
                }
            } catch (IOException e) {
                lastFailure = SaneStatusMapping.toScanException("listing " + host.idForm(), e);
                LOG.warn("SANE host {} not reachable: {}", host.idForm(), e.toString());
            } catch (SaneStatusException e) {
                lastFailure = SaneStatusMapping.toScanException("listing " + host.idForm(), e);
            }
        }
        if (devices.isEmpty() && lastFailure != null) {
            throw lastFailure;
        }
        return devices;
    }

    @Override
    public Optional<ScannerDevice> device(String localId) {
        try {
            SaneDeviceName name = SaneDeviceName.parse(localId);
            return Optional.of(deviceFor(name, name.name()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public ScannerCapabilities capabilities(ScannerDevice device) throws ScanException {
        SaneDeviceName name = parse(device);
        try (SaneConnection connection = connect(name.host())) {
            SaneOpenDevice saneDevice = SaneOpenDevice.open(connection, name.name());
            ScannerCapabilities capabilities = SaneOptionMapping.capabilities(saneDevice);
            saneDevice.close();
            return capabilities;
        } catch (IOException e) {
            throw SaneStatusMapping.toScanException("capabilities", e);
        } catch (SaneStatusException e) {
            throw SaneStatusMapping.toScanException("capabilities", e);
        }
    }

    @Override
    public ScanSession open(ScannerDevice device, ScanSettings settings) throws ScanException {
        SaneDeviceName name = parse(device);
        SaneConnection connection = null;
        try {
            connection = connect(name.host());
            SaneOpenDevice saneDevice = SaneOpenDevice.open(connection, name.name());
            SaneOptionMapping.apply(saneDevice, settings);
            return new SaneScanSession(saneDevice, settings, overrides);
        } catch (IOException e) {
            closeQuietly(connection);
            throw SaneStatusMapping.toScanException("open", e);
        } catch (SaneStatusException e) {
            closeQuietly(connection);
            throw SaneStatusMapping.toScanException("open", e);
        } catch (ScanException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private SaneConnection connect(SaneHost host) throws IOException, SaneStatusException {
        return SaneConnection.open(host, connectTimeout, readTimeout, credentials);
    }

    private static SaneDeviceName parse(ScannerDevice device) throws ScanException {
        try {
            return SaneDeviceName.parse(device.localId());
        } catch (RuntimeException e) {
            throw new ScanException(ScanError.DEVICE_NOT_FOUND, "not a SANE device id: " + device.id(), e);
        }
    }

    private static ScannerDevice deviceFor(SaneDeviceName name, String model) {
        return ScannerDevice.of(NAME, name.localId(), model.strip() + " (" + name.name() + " @ "
                + name.host().idForm() + ")");
    }

    private static void closeQuietly(SaneConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("Closing the saned connection failed: {}", e.toString());
            }
        }
    }
}
