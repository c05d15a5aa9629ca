package vn.motcua.sync.wire;

/** The stable {@code error} codes of {@link Api.Error}: clients branch on these, never on the message. */
public final class ErrorCode {
    public static final String ENROLMENT_REFUSED = "enrolment_refused";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String COUNTER_REVOKED = "counter_revoked";
    public static final String CHECKSUM_MISMATCH = "checksum_mismatch";
    public static final String MANIFEST_CONFLICT = "manifest_conflict";
    public static final String MISSING_FILES = "missing_files";
    public static final String NOT_YOUR_DOSSIER = "not_your_dossier";
    public static final String BAD_MANIFEST = "bad_manifest";
    public static final String BAD_REQUEST = "bad_request";
    public static final String TOO_LARGE = "too_large";
    public static final String NOT_FOUND = "not_found";
    public static final String UPLOAD_CONFLICT = "upload_conflict";
    public static final String UPGRADE_REQUIRED = "upgrade_required";
    public static final String INTERNAL = "internal";
    /** 503: the hub is overloaded; retry after the {@code Retry-After} seconds. */
    public static final String BUSY = "busy";

    /** Receipt outcome of an accepted manifest. */
    public static final String ACCEPTED = "accepted";

    private ErrorCode() {
    }
}
