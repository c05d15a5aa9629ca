package vn.motcua.scanner.simulator.demo;

import java.time.Duration;

/**
 * How the simulated scanner behaves, for demos, training and tests.
 *
 * @param sheetsInFeeder sheets waiting in the feeder at the start of each job; 0 gives NO_PAPER
 * @param jamAtPage      the page (counting both sides in duplex) at which the feeder jams; 0 for never
 * @param pageDelay      time to "scan" one page, to make progress visible in demos
 */
public record SimulatedScannerOptions(int sheetsInFeeder, int jamAtPage, Duration pageDelay) {

    public SimulatedScannerOptions {
        if (sheetsInFeeder < 0 || jamAtPage < 0 || pageDelay.isNegative()) {
            throw new IllegalArgumentException(sheetsInFeeder + " sheets, jam at " + jamAtPage + ", " + pageDelay);
        }
    }

    /** A demo batch: 5 sheets, no jam, a third of a second per page. */
    public static SimulatedScannerOptions demo() {
        return new SimulatedScannerOptions(5, 0, Duration.ofMillis(300));
    }

    public SimulatedScannerOptions withSheets(int sheets) {
        return new SimulatedScannerOptions(sheets, jamAtPage, pageDelay);
    }

    public SimulatedScannerOptions withJamAtPage(int page) {
        return new SimulatedScannerOptions(sheetsInFeeder, page, pageDelay);
    }

    public SimulatedScannerOptions withPageDelay(Duration delay) {
        return new SimulatedScannerOptions(sheetsInFeeder, jamAtPage, delay);
    }
}
