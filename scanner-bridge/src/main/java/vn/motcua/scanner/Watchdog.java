package vn.motcua.scanner;

import java.time.Duration;

/**
 * Time limits for driver calls. A call over its limit is reported as {@link ScanError#DRIVER_HUNG}; the bridge
 * abandons the call's thread (interrupted, daemon) and the application carries on.
 *
 * @param discovery   one driver's discovery or capability query
 * @param open        starting a job (device open, warm-up lamp)
 * @param page        one page, from request to last byte; a slow 600 dpi colour page stays well under a minute
 * @param cancelGrace how long a cancelled job waits for the driver to acknowledge before ending anyway
 */
public record Watchdog(Duration discovery, Duration open, Duration page, Duration cancelGrace) {

    public static Watchdog defaults() {
        return new Watchdog(Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(90),
                Duration.ofSeconds(5));
    }

    public Watchdog withPage(Duration newPage) {
        return new Watchdog(discovery, open, newPage, cancelGrace);
    }
}
