package vn.motcua.scanner.sane;

/** saned answered a request with a status other than GOOD. */
final class SaneStatusException extends Exception {

    private final SaneStatus status;

    SaneStatusException(SaneStatus status, String what) {
        super(what + ": SANE status " + status);
        this.status = status;
    }

    SaneStatus status() {
        return status;
    }
}
