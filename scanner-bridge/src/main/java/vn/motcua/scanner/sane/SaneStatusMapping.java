package vn.motcua.scanner.sane;

import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneStatus;
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
        if (status == null) {
            return ScanError.DEVICE_ERROR;
        }
        return switch (status) {
            case STATUS_JAMMED -> ScanError.JAM;
            case STATUS_COVER_OPEN -> ScanError.COVER_OPEN;
            case STATUS_NO_DOCS -> ScanError.NO_PAPER;
            case STATUS_DEVICE_BUSY -> ScanError.BUSY;
            case STATUS_CANCELLED -> ScanError.CANCELLED;
            case STATUS_UNSUPPORTED, STATUS_INVAL -> ScanError.UNSUPPORTED_SETTINGS;
            case STATUS_IO_ERROR -> ScanError.OFFLINE;
            case STATUS_ACCESS_DENIED, STATUS_NO_MEM, STATUS_EOF, STATUS_GOOD -> ScanError.DEVICE_ERROR;
        };
    }

    static ScanException toScanException(String what, SaneException e) {
        return new ScanException(errorFor(e.getStatus()), what + ": SANE " + e.getStatus(), e);
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
