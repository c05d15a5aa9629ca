package vn.motcua.sync.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Every failure of the client. {@link #kind()} tells the caller what to do (retry later, give up on this dossier,
 * tell the clerk and stop); {@link #code()} is a stable key ({@code sync.error.*}) the application turns into text.
 */
public final class SyncException extends Exception {

    public enum Kind {
        /** The link or the hub: try the same again later (offline, cut, timeout, 5xx, 429, busy, garbage). */
        TRANSIENT,
        /** This request can never succeed as it is (conflict, bad manifest, not your dossier, too large). */
        PERMANENT,
        /** Nothing can be sent until someone acts (not enrolled, revoked, certificate not trusted, upgrade). */
        BLOCKED
    }

    public static final String OFFLINE = "sync.error.offline";
    public static final String TIMEOUT = "sync.error.timeout";
    public static final String SERVER = "sync.error.server";
    public static final String BUSY = "sync.error.busy";
    public static final String CONFLICT = "sync.error.conflict";
    public static final String BAD_MANIFEST = "sync.error.bad_manifest";
    public static final String NOT_YOUR_DOSSIER = "sync.error.not_your_dossier";
    public static final String TOO_LARGE = "sync.error.too_large";
    public static final String FILE_MISSING = "sync.error.file_missing";
    public static final String FILE_CHANGED = "sync.error.file_changed";
    public static final String NOT_ENROLLED = "sync.error.not_enrolled";
    public static final String ENROLMENT_REFUSED = "sync.error.enrolment_refused";
    public static final String UNAUTHENTICATED = "sync.error.unauthenticated";
    public static final String REVOKED = "sync.error.revoked";
    public static final String CERTIFICATE = "sync.error.certificate";
    public static final String UPGRADE = "sync.error.upgrade_required";
    public static final String RECEIPT = "sync.error.receipt";
    public static final String LOCAL = "sync.error.local";

    private final Kind kind;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    public SyncException(Kind kind, String code, String message) {
        this(kind, code, message, null, null, null);
    }

    public SyncException(Kind kind, String code, String message, Throwable cause) {
        this(kind, code, message, null, null, cause);
    }

    public SyncException(Kind kind, String code, String message, String field, Duration retryAfter, Throwable cause) {
        super(code + (message == null ? "" : ": " + message), cause);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The hub's reason (conflict: the differing part), or a description for logs. */
    public String reason() {
        String m = getMessage();
        int i = m.indexOf(": ");
        return i < 0 ? "" : m.substring(i + 2);
    }

    /** The manifest field at fault ({@code bad_manifest}). */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The hub's {@code Retry-After} when it gave one ({@code busy}, 429). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
