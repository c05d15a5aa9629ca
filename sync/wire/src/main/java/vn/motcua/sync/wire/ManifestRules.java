package vn.motcua.sync.wire;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a well-formed manifest looks like, checked on both sides: the counter before it sends, the hub before it
 * stores. The first broken rule is reported with its field path.
 */
public final class ManifestRules {
    /** {@code AGENCY-YYMMDD-NNNN}, the agency code as in QCVN 102:2016 ({@code 000.00.15.H42}). */
    public static final Pattern DOSSIER_CODE =
            Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}");
    private static final Pattern AGENCY_CODE = Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");
    private static final Pattern EVENT_KIND = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    static final int MAX_COMPONENTS = 200;
    static final int MAX_FILES = 5_000;
    static final int MAX_EVENTS = 2_000;
    /** Largest single file a manifest may name (a long scan batch as one PDF). */
    public static final long MAX_FILE_BYTES = 2L << 30;

    private ManifestRules() {
    }

    public static boolean isDossierCode(String code) {
        return code != null && DOSSIER_CODE.matcher(code).matches();
    }

    /**
     * A file name as the counter had it: no folder part, no {@code ..}, no control characters, at most 255
     * characters. The hub never uses it as a path; it is shown and exported.
     */
    public static boolean isSafeFileName(String name) {
        return name != null && !name.isBlank() && name.length() <= 255 && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf(':') < 0
                && !CONTROL.matcher(name).find();
    }

    public static void check(DossierManifest m) throws WireFormatException {
        if (!isDossierCode(m.code())) {
            throw new WireFormatException("code", "not a dossier code AGENCY-YYMMDD-NNNN");
        }
        if (m.revision() < 1) {
            throw new WireFormatException("revision", "must be 1 or more");
        }
        if (m.agencyCode() == null || !AGENCY_CODE.matcher(m.agencyCode()).matches()
                || !m.code().startsWith(m.agencyCode() + "-")) {
            throw new WireFormatException("agencyCode", "not the agency code the dossier code starts with");
        }
        if (m.procedure() == null) {
            throw new WireFormatException("procedure", "required");
        }
        text("procedure.code", m.procedure().code(), 100, true);
        text("procedure.name", m.procedure().name(), 1000, true);
        text("procedure.fieldCode", m.procedure().fieldCode(), 100, false);
        text("procedure.fieldName", m.procedure().fieldName(), 500, false);
        checkApplicant(m.applicant());
        text("summary", m.summary(), 2000, false);
        if (m.receivedAt() == null) {
            throw new WireFormatException("receivedAt", "required");
        }
        if (m.appointmentAt() != null && m.appointmentAt().isBefore(m.receivedAt())) {
            throw new WireFormatException("appointmentAt", "before receivedAt");
        }
        if (m.status() < 1 || m.status() > 10) {
            throw new WireFormatException("status", "must be 1–10 (TrangThaiHoSo)");
        }
        if (m.hubChange() != null && m.hubChange() < 1) {
            throw new WireFormatException("hubChange", "must be 1 or more (a seq of the changes feed)");
        }
        if (m.channel() < 1 || m.channel() > 3) {
            throw new WireFormatException("channel", "must be 1–3 (HinhThuc)");
        }
        checkComponents(m.components());
        checkFiles("documents", m.documents());
        checkEvents(m.events());
        if (m.files().size() > MAX_FILES) {
            throw new WireFormatException("components", "more than " + MAX_FILES + " files");
        }
    }

    private static void checkApplicant(DossierManifest.Applicant a) throws WireFormatException {
        if (a == null) {
            throw new WireFormatException("applicant", "required");
        }
        if (a.kind() == null) {
            throw new WireFormatException("applicant.kind", "required");
        }
        text("applicant.idNumber", a.idNumber(), 20, true);
        text("applicant.name", a.name(), 300, true);
        text("applicant.address", a.address(), 1000, false);
        text("applicant.phone", a.phone(), 30, false);
        text("applicant.email", a.email(), 254, false);
        text("applicant.country", a.country(), 3, false);
        text("applicant.representative", a.representative(), 300, false);
    }

    private static void checkComponents(List<DossierManifest.Component> components) throws WireFormatException {
        if (components.size() > MAX_COMPONENTS) {
            throw new WireFormatException("components", "more than " + MAX_COMPONENTS);
        }
        for (int i = 0; i < components.size(); i++) {
            String at = "components[" + i + "]";
            DossierManifest.Component c = components.get(i);
            if (c == null) {
                throw new WireFormatException(at, "null");
            }
            text(at + ".code", c.code(), 100, false);
            text(at + ".name", c.name(), 1000, true);
            if (c.originals() < 0 || c.certifiedCopies() < 0 || c.photocopies() < 0) {
                throw new WireFormatException(at, "negative paper count");
            }
            checkFiles(at + ".files", c.files());
        }
    }

    private static void checkFiles(String at, List<FileRef> files) throws WireFormatException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String f = at + "[" + i + "]";
            FileRef file = files.get(i);
            if (file == null) {
                throw new WireFormatException(f, "null");
            }
            if (!Sha256.isValid(file.sha256())) {
                throw new WireFormatException(f + ".sha256", "not 64 lower-case hex digits");
            }
            if (file.size() < 0 || file.size() > MAX_FILE_BYTES) {
                throw new WireFormatException(f + ".size", "out of range");
            }
            if (!isSafeFileName(file.name())) {
                throw new WireFormatException(f + ".name", "not a plain file name");
            }
            if (file.kind() == null) {
                throw new WireFormatException(f + ".kind", "required");
            }
            if (!seen.add(file.sha256())) {
                throw new WireFormatException(f + ".sha256", "named twice in one list");
            }
        }
    }

    private static void checkEvents(List<DossierManifest.Event> events) throws WireFormatException {
        if (events.size() > MAX_EVENTS) {
            throw new WireFormatException("events", "more than " + MAX_EVENTS);
        }
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "]";
            DossierManifest.Event e = events.get(i);
            if (e == null) {
                throw new WireFormatException(at, "null");
            }
            if (e.at() == null) {
                throw new WireFormatException(at + ".at", "required");
            }
            if (e.kind() == null || !EVENT_KIND.matcher(e.kind()).matches()) {
                throw new WireFormatException(at + ".kind", "an upper-case word");
            }
            if (e.status() != null && (e.status() < 1 || e.status() > 10)) {
                throw new WireFormatException(at + ".status", "must be 1–10");
            }
            text(at + ".by", e.by(), 300, true);
            text(at + ".reason", e.reason(), 2000, false);
        }
    }

    private static void text(String field, String value, int max, boolean required) throws WireFormatException {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new WireFormatException(field, "required");
            }
            return;
        }
        if (value.length() > max) {
            throw new WireFormatException(field, "longer than " + max + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw new WireFormatException(field, "control characters");
        }
    }
}
