package vn.motcua.sync.wire;

import java.time.OffsetDateTime;
import java.util.List;

/** The small request and answer bodies of protocol version 1 ({@code sync/PROTOCOL.md}). */
public final class Api {

    /** The path prefix every call of this protocol version lives under. */
    public static final String PREFIX = "/api/v1";

    private Api() {
    }

    /** {@code POST /api/v1/enrol}. {@code publicKey}: the counter's EC P-256 key, X.509 SubjectPublicKeyInfo, base64. */
    public record EnrolRequest(String enrolmentCode, String counterName, String publicKey) {
    }

    /** The counter's credential and the hub's public key (same encoding as the counter's). */
    public record EnrolResponse(String counterId, String token, String hubPublicKey) {
    }

    /** {@code 200} to a manifest: the same request again gets the same answer. */
    public record ManifestAccepted(String code, int revision, OffsetDateTime acceptedAt) {
    }

    /**
     * Every error answer. {@code error} is a stable code (see {@link ErrorCode}); {@code message} is for logs;
     * {@code field} names the manifest field at fault ({@code bad_manifest}); {@code missing} lists the files to upload
     * first ({@code missing_files}). Absent parts are left out of the JSON.
     */
    public record Error(String error, String message, String field, List<String> missing) {
        public static Error of(String error, String message) {
            return new Error(error, message, null, null);
        }
    }

    /** One entry of the changes feed: something the hub did to one of the calling counter's dossiers. */
    public record Change(long seq, String code, ChangeKind kind, int status, OffsetDateTime at, String by,
                         String reason, List<FileRef> files) {
        public Change {
            files = files == null ? List.of() : files;
        }
    }

    public enum ChangeKind { STATUS, RESULT, SUPPLEMENT_REQUEST }

    /** {@code GET /api/v1/changes}: send {@code cursor} back unchanged as {@code after}. */
    public record ChangesPage(List<Change> changes, String cursor) {
    }
}
