package vn.motcua.scanner;

import java.util.Objects;

/**
 * A scanner one driver can reach.
 *
 * @param id          stable across restarts, unique across drivers: {@code driver + ":" + localId},
 *                    e.g. {@code sane:net:127.0.0.1:test:0}; saved in scan profiles
 * @param driver      the name of the {@link ScannerDriver} that owns it
 * @param localId     the driver's own name for it (SANE device name, eSCL base URL, folder path)
 * @param displayName what the clerk sees
 */
public record ScannerDevice(String id, String driver, String localId, String displayName) {

    /** The driver name of the simulated scanner, the one a counter uses only when no real scanner answers. */
    public static final String SIMULATED_DRIVER = "simulated";

    public ScannerDevice {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(displayName, "displayName");
        if (!id.equals(driver + ":" + localId)) {
            throw new IllegalArgumentException("Device id must be driver:localId, was " + id);
        }
    }

    public static ScannerDevice of(String driver, String localId, String displayName) {
        return new ScannerDevice(driver + ":" + localId, driver, localId, displayName);
    }

    /** A scanner of the simulator (demos, training, tests), not a real device. */
    public boolean simulated() {
        return SIMULATED_DRIVER.equals(driver);
    }

    /** The driver part of a device id ({@code sane} in {@code sane:net:host:test:0}). */
    public static String driverOf(String deviceId) {
        int colon = deviceId.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Device id has no driver prefix: " + deviceId);
        }
        return deviceId.substring(0, colon);
    }
}
