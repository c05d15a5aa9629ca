package vn.motcua.scanner.escl;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;

/**
 * One eSCL job: NextDocument until 404. A 404 alone does not say whether the batch ended or jammed, so the
 * scanner status decides (the same reading sane-airscan makes).
 */
final class EsclScanSession implements ScanSession {

    private static final Logger LOG = LoggerFactory.getLogger(EsclScanSession.class);

    private final EsclClient client;
    private final URI job;
    private final ScanSettings settings;
    private int nextPageNumber = 1;
    private boolean done;
    private volatile boolean cancelled;

    EsclScanSession(EsclClient client, URI job, ScanSettings settings) {
        this.client = client;
        this.job = job;
        this.settings = settings;
    }

    @Override
    public Optional<ScannedPage> nextPage() throws ScanException, InterruptedException {
        while (!done) {
            if (cancelled) {
                throw new ScanException(ScanError.CANCELLED, "eSCL job cancelled");
            }
            switch (client.nextDocument(job)) {
                case EsclClient.NextDocument.Page page -> {
                    return Optional.of(toPage(page));
                }
                case EsclClient.NextDocument.RetryLater retry -> Thread.sleep(retry.after());
                case EsclClient.NextDocument.NoMore noMore -> {
                    done = true;
                    failIfStopped();
                }
            }
        }
        return Optional.empty();
    }

    private ScannedPage toPage(EsclClient.NextDocument.Page page) throws ScanException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(page.body()));
        } catch (IOException e) {
            throw new ScanException(ScanError.DEVICE_ERROR, "undecodable " + page.contentType(), e);
        }
        if (image == null) {
            throw new ScanException(ScanError.DEVICE_ERROR, "no decoder for " + page.contentType());
        }
        int pageNumber = nextPageNumber++;
        if (settings.source() == PaperSource.FLATBED) {
            done = true;
        }
        return ScannedPage.inBatch(image, pageNumber, settings);
    }

    private void failIfStopped() throws ScanException, InterruptedException {
        EsclStatus status = client.status();
        Optional<EsclStatus.Job> ours = status.job(job.getPath());
        String adf = status.adfState();
        boolean aborted = ours.map(j -> j.state().equals("Aborted")).orElse(false);
        if (adf.equals("ScannerAdfJam") || ours.map(j -> j.reasons().stream()
                .anyMatch(reason -> reason.contains("Jam"))).orElse(false)) {
            throw new ScanException(ScanError.JAM, "eSCL: feeder jam after " + (nextPageNumber - 1) + " pages");
        }
        if (adf.equals("ScannerAdfDoorOpen")) {
            throw new ScanException(ScanError.COVER_OPEN, "eSCL: feeder door open");
        }
        if (nextPageNumber == 1 && settings.source().usesFeeder()
                && (adf.equals("ScannerAdfEmpty") || adf.isEmpty())) {
            throw new ScanException(ScanError.NO_PAPER, "eSCL: no page, feeder " + adf);
        }
        if (aborted) {
            throw new ScanException(ScanError.DEVICE_ERROR, "eSCL: job aborted " + ours.get().reasons());
        }
        if (ours.map(j -> j.state().equals("Canceled")).orElse(false)) {
            throw new ScanException(ScanError.CANCELLED, "eSCL: job cancelled at the device");
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        deleteJob();
    }

    @Override
    public void close() {
        if (!done) {
            deleteJob();
        }
    }

    private void deleteJob() {
        try {
            client.cancel(job);
        } catch (ScanException e) {
            LOG.debug("eSCL cancel failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
