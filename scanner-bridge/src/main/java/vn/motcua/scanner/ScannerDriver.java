package vn.motcua.scanner;

import java.util.List;
import java.util.Optional;

/**
 * One way of reaching scanners (SANE, eSCL, TWAIN bridge, hot folder, simulator). Implementations may block and
 * may hang; the {@link ScannerBridge} calls them under its watchdog, never from the UI thread.
 */
public interface ScannerDriver extends AutoCloseable {

    /** Short stable name, the prefix of its device ids: {@code sane}, {@code escl}, {@code simulated}, ... */
    String name();

    List<ScannerDevice> discover() throws ScanException;

    /** Resolves a saved device id without a full discovery (manual addresses, SANE names). */
    default Optional<ScannerDevice> device(String localId) throws ScanException {
        return discover().stream().filter(device -> device.localId().equals(localId)).findFirst();
    }

    ScannerCapabilities capabilities(ScannerDevice device) throws ScanException;

    /** Starts the device; pages are then pulled from the session. */
    ScanSession open(ScannerDevice device, ScanSettings settings) throws ScanException, InterruptedException;

    @Override
    default void close() {
    }
}
