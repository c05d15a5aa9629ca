package vn.motcua.scanner;

import java.util.Optional;

/**
 * How a job ended. {@code pages} counts pages handed to the listener; they stay handed over whatever the state.
 *
 * @param error  null when COMPLETED
 * @param detail technical detail for logs, null when COMPLETED
 */
public record ScanResult(ScanJobState state, int pages, ScanError error, String detail) {

    public ScanResult {
        if (!state.isFinal()) {
            throw new IllegalArgumentException("Not a final state: " + state);
        }
        if ((state == ScanJobState.COMPLETED) != (error == null)) {
            throw new IllegalArgumentException(state + " with error " + error);
        }
    }

    public static ScanResult completed(int pages) {
        return new ScanResult(ScanJobState.COMPLETED, pages, null, null);
    }

    public static ScanResult cancelled(int pages) {
        return new ScanResult(ScanJobState.CANCELLED, pages, ScanError.CANCELLED, "cancelled");
    }

    public static ScanResult failed(int pages, ScanError error, String detail) {
        return new ScanResult(ScanJobState.FAILED, pages, error, detail);
    }

    public boolean isCompleted() {
        return state == ScanJobState.COMPLETED;
    }

    public Optional<ScanError> errorIfAny() {
        return Optional.ofNullable(error);
    }
}
