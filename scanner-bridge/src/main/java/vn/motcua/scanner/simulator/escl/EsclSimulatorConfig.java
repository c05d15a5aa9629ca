package vn.motcua.scanner.simulator.escl;

import java.time.Duration;

/**
 * How the eSCL simulator behaves.
 *
 * @param sheetsInFeeder    sheets loaded for each job (the feeder is refilled when a job starts); 0 = empty
 * @param jamAtPage         page (both sides counted in duplex) at which the feeder jams; 0 for never
 * @param pageDelay         time to "scan" a page before NextDocument answers
 * @param notReadyPerPage   how many NextDocument calls per page answer 503 before the page is ready
 * @param duplex            whether the feeder scans both sides
 */
public record EsclSimulatorConfig(int sheetsInFeeder, int jamAtPage, Duration pageDelay, int notReadyPerPage,
                                  boolean duplex) {

    public EsclSimulatorConfig {
        if (sheetsInFeeder < 0 || jamAtPage < 0 || notReadyPerPage < 0 || pageDelay.isNegative()) {
            throw new IllegalArgumentException("invalid simulator config");
        }
    }

    public static EsclSimulatorConfig defaults() {
        return new EsclSimulatorConfig(5, 0, Duration.ZERO, 0, true);
    }

    public EsclSimulatorConfig withSheets(int sheets) {
        return new EsclSimulatorConfig(sheets, jamAtPage, pageDelay, notReadyPerPage, duplex);
    }

    public EsclSimulatorConfig withJamAtPage(int page) {
        return new EsclSimulatorConfig(sheetsInFeeder, page, pageDelay, notReadyPerPage, duplex);
    }

    public EsclSimulatorConfig withPageDelay(Duration delay) {
        return new EsclSimulatorConfig(sheetsInFeeder, jamAtPage, delay, notReadyPerPage, duplex);
    }

    public EsclSimulatorConfig withNotReadyPerPage(int count) {
        return new EsclSimulatorConfig(sheetsInFeeder, jamAtPage, pageDelay, count, duplex);
    }
}
