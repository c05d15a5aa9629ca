package vn.motcua.sync.wire;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The whole dossier as the counter holds it at one revision: what the hub stores and what the national portal's
 * {@code DongBoHoSoMC} record is made from. Revision 1 is the reception; each later change at the counter adds one.
 * Lists are never null (an absent list reads as empty, so it hashes the same).
 *
 * @param code          dossier code {@code AGENCY-YYMMDD-NNNN}
 * @param agencyCode    receiving agency's electronic code (QCVN 102:2016)
 * @param summary       TrichYeuHoSo, a one-line description; may be null
 * @param appointmentAt NgayHenTra; null for procedures without a time limit
 * @param returnedAt    NgayTra, when the result was handed over; null until then
 * @param status        TrangThaiHoSo 1–10
 * @param channel       HinhThuc 1 counter, 2 online, 3 post
 * @param documents     files of the dossier as a whole: receipt, forms, result documents
 * @param events        the dossier's history, oldest first
 * @param hubChange     the {@code seq} of the last change of the hub's feed for this dossier that the counter had
 *                      applied when it made this revision; null when none. The hub takes the manifest's
 *                      {@code status} only when no department change of the dossier is newer than this (PROTOCOL.md,
 *                      "Who owns the status"), so a counter that had not yet pulled never reverts the department.
 */
public record DossierManifest(
        String code,
        int revision,
        String agencyCode,
        Procedure procedure,
        Applicant applicant,
        String summary,
        OffsetDateTime receivedAt,
        OffsetDateTime appointmentAt,
        OffsetDateTime returnedAt,
        int status,
        int channel,
        List<Component> components,
        List<FileRef> documents,
        List<Event> events,
        Long hubChange) {

    public DossierManifest {
        components = components == null ? List.of() : components;
        documents = documents == null ? List.of() : documents;
        events = events == null ? List.of() : events;
    }

    /** A manifest of a counter that has applied no change of the hub's feed to this dossier. */
    public DossierManifest(String code, int revision, String agencyCode, Procedure procedure, Applicant applicant,
                           String summary, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                           OffsetDateTime returnedAt, int status, int channel, List<Component> components,
                           List<FileRef> documents, List<Event> events) {
        this(code, revision, agencyCode, procedure, applicant, summary, receivedAt, appointmentAt, returnedAt, status,
                channel, components, documents, events, null);
    }

    /** The same manifest at another revision. */
    public DossierManifest withRevision(int value) {
        return new DossierManifest(code, value, agencyCode, procedure, applicant, summary, receivedAt, appointmentAt,
                returnedAt, status, channel, components, documents, events, hubChange);
    }

    /** The same manifest with another status (the hub's own, where it keeps it over the counter's). */
    public DossierManifest withStatus(int value) {
        return new DossierManifest(code, revision, agencyCode, procedure, applicant, summary, receivedAt, appointmentAt,
                returnedAt, value, channel, components, documents, events, hubChange);
    }

    /** Every file the manifest names, components first. */
    public List<FileRef> files() {
        return java.util.stream.Stream.concat(
                components.stream().filter(java.util.Objects::nonNull)
                        .flatMap(c -> c.files().stream()),
                documents.stream()).toList();
    }

    /** MaTTHC / TenTTHC and MaLinhVuc / TenLinhVuc. */
    public record Procedure(String code, String name, String fieldCode, String fieldName) {
    }

    /**
     * The applicant (ChuHoSo). {@code idNumber} is read as {@code kind} says; an organisation (TAX_CODE) names the
     * person who brought the dossier in {@code representative}; a passport names its issuing {@code country}.
     */
    public record Applicant(IdKind kind, String idNumber, String name, String address, String phone, String email,
                            String country, String representative) {
    }

    public enum IdKind { PERSONAL_ID, PASSPORT, TAX_CODE }

    /** A component (thành phần hồ sơ) with its paper counts and its files. */
    public record Component(String code, String name, int originals, int certifiedCopies, int photocopies,
                            List<FileRef> files) {
        public Component {
            files = files == null ? List.of() : files;
        }
    }

    /**
     * One step of the dossier's history: {@code kind} is an upper-case word (RECEIVED, STATUS_CHANGED,
     * SUPPLEMENT_REQUESTED, RESULT_RETURNED, PAGES_REUSED…), {@code status} the status it led to if any.
     */
    public record Event(OffsetDateTime at, String kind, Integer status, String by, String reason) {
    }
}
