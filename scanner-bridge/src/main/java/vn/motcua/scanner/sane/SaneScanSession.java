package vn.motcua.scanner.sane;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * One batch on an open SANE device: options are set once when the device is opened, then each page is one
 * {@code START} + frames on its own data connection; a feeder batch ends when the backend answers NO_DOCS. Owns
 * its connection to saned, closed with the session.
 */
final class SaneScanSession implements ScanSession {

    private static final Logger LOG = LoggerFactory.getLogger(SaneScanSession.class);
    /** A three-pass scanner sends red, green and blue as separate frames; more means a confused backend. */
    private static final int MAX_FRAMES = 3;

    private final SaneOpenDevice device;
    private final ScanSettings settings;
    private final SaneOptionOverrides overrides;
    private int nextPageNumber = 1;
    private boolean batchDone;
    private volatile boolean cancelled;
    private volatile boolean readingFrame;

    SaneScanSession(SaneOpenDevice device, ScanSettings settings, SaneOptionOverrides overrides) {
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
            image = readPage();
        } catch (SaneStatusException e) {
            if (e.status() == SaneStatus.NO_DOCS && pageNumber > 1) {
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
        return Optional.of(ScannedPage.inBatch(image, pageNumber, settings));
    }

    private BufferedImage readPage() throws IOException, SaneStatusException {
        SaneConnection connection = device.connection();
        List<SaneDataStream.Frame> frames = new ArrayList<>(1);
        while (frames.size() < MAX_FRAMES) {
            SaneConnection.DataPort port = connection.start(device.handle());
            try (SaneDataStream data = SaneDataStream.connect(port)) {
                // saned answers once it has accepted the data connection.
                SaneParameters parameters = connection.startedFrameParameters();
                readingFrame = true;
                frames.add(data.read(parameters));
                readingFrame = false;
                if (parameters.lastFrame()) {
                    return SaneImages.toImage(frames, port.bigEndian());
                }
            }
        }
        throw new IOException("saned sent more than " + MAX_FRAMES + " frames for one page");
    }

    private static ScanException cancelledBy(Exception e) {
        return new ScanException(ScanError.CANCELLED, "SANE scan cancelled", e);
    }

    /**
     * Mid-frame, CANCEL goes over the idle control connection and saned ends the data stream. Between frames the
     * control connection may be in use, so then only the flag stops the batch before the next page.
     */
    @Override
    public void cancel() {
        cancelled = true;
        if (readingFrame) {
            try {
                device.connection().cancel(device.handle());
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
            device.connection().close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the saned connection failed: {}", e.toString());
        }
    }
}
