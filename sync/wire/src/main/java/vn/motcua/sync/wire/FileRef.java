package vn.motcua.sync.wire;

/**
 * A file named by its content: lower-case hex SHA-256, size in bytes, the name it had at the counter (no folders),
 * and what it is. Files travel separately (tus uploads or inside a USB package); manifests and changes only name them.
 */
public record FileRef(String sha256, long size, String name, Kind kind) {

    public enum Kind {
        /** A scanned page image of a component. */
        SCAN_PAGE,
        /** The signed electronic copy (PDF/A) of a component. */
        ELECTRONIC_COPY,
        /** The receipt (form 01) handed to the applicant. */
        RECEIPT,
        /** Another printed form of the dossier (02–06). */
        FORM,
        /** A result document (the decision, licence, certificate…). */
        RESULT
    }
}
