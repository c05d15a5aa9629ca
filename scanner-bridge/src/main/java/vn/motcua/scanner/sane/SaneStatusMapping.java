package vn.motcua.scanner.sane;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;

/** SANE status codes and socket failures as the bridge's typed errors. */
final class SaneStatusMapping {

    private SaneStatusMapping() {
    }

    static ScanError errorFor(SaneStatus status) {
        return switch (status) {
            case JAMMED -> ScanError.JAM;
            case COVER_OPEN -> ScanError.COVER_OPEN;
            case NO_DOCS -> ScanError.NO_PAPER;
            case DEVICE_BUSY -> ScanError.BUSY;
            case CANCELLED -> ScanError.CANCELLED;
            case UNSUPPORTED, INVAL -> ScanError.UNSUPPORTED_SETTINGS;
            case IO_ERROR -> ScanError.OFFLINE;
            case ACCESS_DENIED -> ScanError.ACCESS_DENIED;
            case NO_MEM, EOF, GOOD, UNKNOWN -> ScanError.DEVICE_ERROR;
        };
    }

    static ScanException toScanException(String what, SaneStatusException e) {
        return new ScanException(errorFor(e.status()), what + ": " + e.getMessage(), e);
    }

    static ScanException toScanException(String what, IOException e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException) {
            return new ScanException(ScanError.OFFLINE, what + ": saned unreachable (" + e.getMessage() + ")", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new ScanException(ScanError.DRIVER_HUNG, what + ": saned stopped answering", e);
        }
        return new ScanException(ScanError.OFFLINE, what + ": connection to saned lost (" + e + ")", e);
    }
}
