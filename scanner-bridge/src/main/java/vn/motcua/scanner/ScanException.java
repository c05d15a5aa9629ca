package vn.motcua.scanner;

import java.util.Objects;

/** A scan failure with its typed reason. The detail is for logs, not for the clerk. */
public class ScanException extends Exception {

    private final ScanError error;

    public ScanException(ScanError error, String detail) {
        this(error, detail, null);
    }

    public ScanException(ScanError error, String detail, Throwable cause) {
        super(error + ": " + detail, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ScanError error() {
        return error;
    }
}
