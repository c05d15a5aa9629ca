package vn.motcua.sync.wire;

/** A USB package or receipt that cannot be trusted or read; {@code code} says why, for the receipt and the log. */
public final class PackageException extends Exception {
    public static final String NOT_A_PACKAGE = "not_a_package";
    public static final String NOT_FOR_THIS_HUB = "not_for_this_hub";
    public static final String UNKNOWN_SIGNER = "unknown_signer";
    public static final String BAD_SIGNATURE = "bad_signature";

    private final String code;

    public PackageException(String code, String message) {
        super(message);
        this.code = code;
    }

    public PackageException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
