package vn.motcua.scanner.simulator.demo;

import java.awt.image.BufferedImage;
import java.util.Optional;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;

/** One simulated batch: renders each page when asked, as a real feeder delivers them one by one. */
final class SimulatedScanSession implements ScanSession {

    private final ScanSettings settings;
    private final SimulatedScannerOptions options;
    private final int totalPages;
    private int nextPageNumber = 1;
    private volatile boolean cancelled;

    SimulatedScanSession(ScanSettings settings, SimulatedScannerOptions options) throws ScanException {
        this.settings = settings;
        this.options = options;
        int sheets = settings.source() == PaperSource.FLATBED ? 1 : options.sheetsInFeeder();
        if (sheets == 0) {
            throw new ScanException(ScanError.NO_PAPER, "simulated feeder is empty");
        }
        this.totalPages = settings.source() == PaperSource.DUPLEX ? sheets * 2 : sheets;
    }

    @Override
    public Optional<ScannedPage> nextPage() throws ScanException, InterruptedException {
        if (cancelled) {
            throw new ScanException(ScanError.CANCELLED, "simulated scan cancelled");
        }
        if (nextPageNumber > totalPages) {
            return Optional.empty();
        }
        int pageNumber = nextPageNumber;
        if (pageNumber == options.jamAtPage()) {
            nextPageNumber = totalPages + 1;
            throw new ScanException(ScanError.JAM, "simulated jam at page " + pageNumber);
        }
        Thread.sleep(options.pageDelay());
        if (cancelled) {
            throw new ScanException(ScanError.CANCELLED, "simulated scan cancelled");
        }
        BufferedImage image = DemoPageRenderer.render(settings.source().sheetOf(pageNumber),
                settings.source().sideOf(pageNumber), settings.dpi(), settings.paperSize());
        nextPageNumber++;
        return Optional.of(ScannedPage.inBatch(image, pageNumber, settings));
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        cancelled = true;
    }
}
