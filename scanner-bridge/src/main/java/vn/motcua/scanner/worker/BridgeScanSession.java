package vn.motcua.scanner.worker;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import vn.motcua.scanner.PageImages;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.Side;

/** A running SCAN in a worker: PAGE messages until DONE or ERROR. */
final class BridgeScanSession implements ScanSession {

    private final BridgeConnection connection;
    private final ScanSettings settings;
    private final Duration pageTimeout;
    private final BridgeErrors errors = BridgeErrors.standard();
    private boolean done;
    private volatile boolean cancelled;

    BridgeScanSession(BridgeConnection connection, ScanSettings settings, Duration pageTimeout) {
        this.connection = connection;
        this.settings = settings;
        this.pageTimeout = pageTimeout;
    }

    @Override
    public Optional<ScannedPage> nextPage() throws ScanException, InterruptedException {
        if (done) {
            return Optional.empty();
        }
        BridgeMessage message = connection.next(pageTimeout);
        switch (message.verb()) {
            case "PAGE" -> {
                return Optional.of(toPage(message));
            }
            case "DONE" -> {
                done = true;
                return Optional.empty();
            }
            case "ERROR" -> {
                done = true;
                ScanException error = errors.toException(message);
                throw cancelled ? new ScanException(ScanError.CANCELLED, error.getMessage()) : error;
            }
            default -> throw new ScanException(ScanError.DRIVER_CRASHED, "unexpected " + message.verb());
        }
    }

    private ScannedPage toPage(BridgeMessage message) throws ScanException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(message.payload()));
        } catch (IOException e) {
            throw new ScanException(ScanError.DRIVER_CRASHED, "undecodable page from worker", e);
        }
        if (image == null) {
            throw new ScanException(ScanError.DRIVER_CRASHED, "page in an unknown format: "
                    + message.field("format").orElse("?"));
        }
        int number = Integer.parseInt(message.require("number"));
        int sheet = Integer.parseInt(message.field("sheet").orElse(Integer.toString(number)));
        Side side = message.field("side").orElse("front").equals("back") ? Side.BACK : Side.FRONT;
        int dpi = Integer.parseInt(message.field("dpi").orElse(Integer.toString(settings.dpi())));
        return new ScannedPage(PageImages.toStandard(image, settings.colorMode()), number, sheet, side, dpi,
                settings.colorMode());
    }

    @Override
    public void cancel() {
        cancelled = true;
        try {
            connection.send(BridgeMessage.of("CANCEL"));
        } catch (ScanException e) {
            // the worker is gone; close() cleans up
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
