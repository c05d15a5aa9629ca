package vn.motcua.scanner;

/** Life of a scan job; the last three are final. */
public enum ScanJobState {
    STARTING,
    SCANNING,
    COMPLETED,
    CANCELLED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
