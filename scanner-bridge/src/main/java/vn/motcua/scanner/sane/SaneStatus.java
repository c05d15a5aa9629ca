package vn.motcua.scanner.sane;

/** SANE_Status as saned sends it (a word on the control connection, a byte at the end of a data stream). */
enum SaneStatus {
    GOOD, UNSUPPORTED, CANCELLED, DEVICE_BUSY, INVAL, EOF, JAMMED, NO_DOCS, COVER_OPEN, IO_ERROR, NO_MEM,
    ACCESS_DENIED, UNKNOWN;

    static SaneStatus of(int wireValue) {
        SaneStatus[] all = values();
        return wireValue >= 0 && wireValue < all.length - 1 ? all[wireValue] : UNKNOWN;
    }
}
