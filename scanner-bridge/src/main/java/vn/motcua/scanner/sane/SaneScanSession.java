package vn.motcua.scanner.sane;

import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneParameters;
import au.com.southsky.jfreesane.SaneSession;
import au.com.southsky.jfreesane.SaneStatus;
import au.com.southsky.jfreesane.ScanListenerAdapter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;

/**
 * One batch on an open SANE device: each page is one {@code sane_start} + frames; a feeder batch ends when the
 * backend answers NO_DOCS. Owns its own connection to saned, closed with the session.
 */
final class SaneScanSession implements ScanSession {

    private static final Logger LOG = LoggerFactory.getLogger(SaneScanSession.class);

    private final SaneSession connection;
    private final SaneDevice device;
    private final ScanSettings settings;
    private final SaneOptionOverrides overrides;
    private int nextPageNumber = 1;
    private boolean batchDone;
    private volatile boolean cancelled;
    private volatile boolean readingFrame;

    SaneScanSession(SaneSession connection, SaneDevice device, ScanSettings settings, SaneOptionOverrides overrides) {
        this.connection = connection;
        this.device = device;
        this.settings = settings;
        this.overrides = overrides;
    }

    @Override
    public Optional<ScannedPage> nextPage() throws ScanException {
        if (batchDone) {
            return Optional.empty();
        }
        if (cancelled) {
            throw new ScanException(ScanError.CANCELLED, "SANE scan cancelled");
        }
        int pageNumber = nextPageNumber;
        BufferedImage image;
        try {
            for (Map.Entry<String, String> option : overrides.before(pageNumber).entrySet()) {
                SaneOptionMapping.set(device, option.getKey(), option.getValue());
            }
            image = device.acquireImage(new ScanListenerAdapter() {
                @Override
                public void frameAcquisitionStarted(SaneDevice d, SaneParameters p, int frame, int frames) {
                    readingFrame = true;
                }

                @Override
                public void scanningFinished(SaneDevice d) {
                    readingFrame = false;
                }
            });
        } catch (SaneException e) {
            if (e.getStatus() == SaneStatus.STATUS_NO_DOCS && pageNumber > 1) {
                batchDone = true;
                return Optional.empty();
            }
            throw cancelled ? cancelledBy(e) : SaneStatusMapping.toScanException("page " + pageNumber, e);
        } catch (IOException e) {
            throw cancelled ? cancelledBy(e) : SaneStatusMapping.toScanException("page " + pageNumber, e);
        } finally {
            readingFrame = false;
        }
        nextPageNumber++;
        if (settings.source() == PaperSource.FLATBED) {
            batchDone = true;
        }
        // jfreesane returns TYPE_CUSTOM for colour; inBatch converts to the standard type.
        return Optional.of(ScannedPage.inBatch(image, pageNumber, settings));
    }

    private static ScanException cancelledBy(Exception e) {
        return new ScanException(ScanError.CANCELLED, "SANE scan cancelled", e);
    }

    /**
     * Mid-frame, sane_cancel goes over the idle control connection and saned stops the data stream. Between
     * frames the control connection may be busy, so then only the flag stops the batch before the next page.
     */
    @Override
    public void cancel() {
        cancelled = true;
        if (readingFrame) {
            try {
                device.cancel();
            } catch (IOException | RuntimeException e) {
                LOG.debug("SANE cancel failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        try {
            device.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the SANE device failed: {}", e.toString());
        }
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the saned connection failed: {}", e.toString());
        }
    }
}
