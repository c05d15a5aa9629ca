package vn.motcua.counter.application.sync;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.ReceptionService;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.HubChangeLog;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.identity.PassportNumber;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;

/**
 * A dossier as the hub receives it ({@link DossierManifest}): the portal's codes (status 1–10, channel 1 = at the
 * counter, the applicant's kind of number), each component with its scanned pages and its (signed) electronic copy,
 * the receipt, the forms issued and the result documents, and the history as events. Files are named by their
 * SHA-256, which is the content store's id: the sender reads each one through the store (decrypted, decision 1201).
 */
public final class DossierManifests {

    /** Vietnam keeps one offset all year; the counter's local times are Vietnam times. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** At the counter (HinhThuc 1). */
    static final int AT_THE_COUNTER = 1;
    private static final Pattern STATUS_STEP = Pattern.compile("^status=(\\d+)->(\\d+)");
    private static final Pattern EVENT_KIND = Pattern.compile("[A-Z][A-Z_]{0,39}");

    private final DossierStore dossiers;
    private final CaptureStore captures;
    private final ContentStore contents;

    private final HubChangeLog hubChanges;   // null: no changes pulled here

    public DossierManifests(DossierStore dossiers, CaptureStore captures, ContentStore contents) {
        this(dossiers, captures, contents, null);
    }

    /**
     * @param hubChanges the changes of the hub's feed applied here: each manifest says the last one applied to its
     *                   dossier ({@code hubChange}), so the hub knows whether the counter's status is news to it
     */
    public DossierManifests(DossierStore dossiers, CaptureStore captures, ContentStore contents,
                            HubChangeLog hubChanges) {
        this.dossiers = dossiers;
        this.captures = captures;
        this.contents = contents;
        this.hubChanges = hubChanges;
    }

    /** The store the named files are read from (by content id = SHA-256). */
    ContentStore contents() {
        return contents;
    }

    /** A manifest and the content ids of the files it names (each its SHA-256), in the order named. */
    public record Mapped(DossierManifest manifest, Set<String> files) {
    }

    /** The dossier as it stands now, at {@code revision}. */
    public Mapped map(DossierCode code, int revision) {
        Dossier dossier = dossiers.dossier(code)
                .orElseThrow(() -> new CounterException("lifecycle.unknown_dossier", code.value()));
        Optional<DossierProgress> progress = dossiers.progress(code);
        Set<String> files = new LinkedHashSet<>();
        List<DossierManifest.Component> components = components(dossier, files);
        List<FileRef> documents = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        dossiers.receiptContentId(code).ifPresent(id -> add(documents, named, files, id, size(id),
                "bien-nhan-" + code.value() + ".pdf", FileRef.Kind.RECEIPT));
        progress.ifPresent(p -> {
            int n = 0;
            for (IssuedForm form : p.forms()) {
                n++;
                add(documents, named, files, form.contentId(), size(form.contentId()),
                        "mau-" + form.kind().number() + "-" + n + ".pdf", FileRef.Kind.FORM);
            }
            int r = 0;
            for (ResultPage result : p.results()) {
                r++;
                Page page = result.page();
                add(documents, named, files, page.contentId(), page.byteSize(),
                        "ket-qua-" + String.format("%03d", r) + extension(page.mediaType()), FileRef.Kind.RESULT);
            }
        });
        DossierManifest manifest = new DossierManifest(code.value(), revision, code.agency().value(),
                new DossierManifest.Procedure(dossier.procedureCode(), dossier.procedureName(), null, null),
                applicant(dossier), dossier.procedureName() + " – " + dossier.applicant().fullName(),
                at(dossier.receivedAt()), at(dossier.appointmentAt()),
                progress.map(DossierProgress::returnedAt).map(DossierManifests::at).orElse(null),
                dossier.status().portalCode(), AT_THE_COUNTER, components, documents,
                events(dossiers.history(code)),
                hubChanges == null ? null : hubChanges.lastApplied(code.value()).orElse(null));
        return new Mapped(manifest, java.util.Collections.unmodifiableSet(files));
    }

    private List<DossierManifest.Component> components(Dossier dossier, Set<String> files) {
        Map<Integer, CaptureStore.ComponentCopy> copies = new LinkedHashMap<>();
        for (CaptureStore.ComponentCopy copy : captures.componentsOf(dossier.code())) {
            copies.put(copy.position(), copy);
        }
        List<DossierManifest.Component> components = new ArrayList<>();
        int position = 0;
        for (Document document : dossier.documents()) {
            position++;
            List<FileRef> refs = new ArrayList<>();
            Set<String> named = new LinkedHashSet<>();
            int n = 0;
            for (Page page : document.pages()) {
                n++;
                add(refs, named, files, page.contentId(), page.byteSize(), "tp%02d-trang%03d%s"
                        .formatted(position, n, extension(page.mediaType())), FileRef.Kind.SCAN_PAGE);
            }
            Optional<CaptureStore.CopyRecord> copy = Optional.ofNullable(copies.get(position))
                    .flatMap(CaptureStore.ComponentCopy::copy).filter(c -> c.contentId() != null);
            if (copy.isPresent()) {
                add(refs, named, files, copy.get().contentId(), copy.get().byteSize(),
                        "tp%02d-ban-dien-tu.pdf".formatted(position), FileRef.Kind.ELECTRONIC_COPY);
            }
            var requirement = document.component();
            components.add(new DossierManifest.Component(null, requirement.name(), count(requirement.originals()),
                    count(requirement.copies()), 0, refs));
        }
        return components;
    }

    private void add(List<FileRef> refs, Set<String> named, Set<String> files, String contentId, long size,
                     String name, FileRef.Kind kind) {
        if (contentId == null || !named.add(contentId)) {
            return;   // one file once per list (a page scanned twice to the same bytes is one file)
        }
        refs.add(new FileRef(contentId, size, name, kind));
        files.add(contentId);
    }

    /** The plaintext's size: the store may keep the file encrypted, so not the size on disk. */
    private long size(String contentId) {
        try {
            return contents.read(contentId).length;
        } catch (java.io.UncheckedIOException e) {
            throw new CounterException("sync.file_missing", e, contentId);
        }
    }

    private static DossierManifest.Applicant applicant(Dossier dossier) {
        var a = dossier.applicant();
        DossierManifest.IdKind kind = switch (a.idNumber().kind()) {
            case PERSONAL_ID -> DossierManifest.IdKind.PERSONAL_ID;
            case PASSPORT -> DossierManifest.IdKind.PASSPORT;
            case TAX_CODE -> DossierManifest.IdKind.TAX_CODE;
        };
        String country = a.idNumber() instanceof PassportNumber passport ? passport.issuingCountry() : null;
        return new DossierManifest.Applicant(kind, a.idNumber().value(), a.fullName(), a.address(), a.phone(),
                a.email(), country, a.representative());
    }

    /** The history: reception at status 2, each lifecycle step with the status it led to and its reason. */
    static List<DossierManifest.Event> events(List<DossierEvent> history) {
        List<DossierManifest.Event> events = new ArrayList<>();
        for (DossierEvent e : history) {
            String kind = e.kind() == null ? "EVENT" : e.kind().toUpperCase(Locale.ROOT).replaceAll("[^A-Z_]", "_");
            if (!EVENT_KIND.matcher(kind).matches()) {
                kind = "EVENT";
            }
            Integer status = null;
            String reason = null;
            String detail = e.detail() == null ? "" : e.detail();
            Matcher step = STATUS_STEP.matcher(detail);
            if (step.find()) {
                status = Integer.valueOf(step.group(2));
                int bar = detail.indexOf(" | ");
                reason = bar < 0 ? null : detail.substring(bar + 3).strip();
            } else if ("RECEIVED".equals(kind)) {
                status = Status.RECEIVED.portalCode();
            } else if (ReceptionService.IDENTITY_OVERRIDE_EVENT.equals(kind)) {
                reason = detail;
            }
            if (status != null && (status < 1 || status > 10)) {
                status = null;
            }
            events.add(new DossierManifest.Event(at(e.at()), kind, status, e.actor(), clean(reason)));
        }
        return events;
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String flat = text.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() > 2000 ? flat.substring(0, 2000) : flat;
    }

    private static int count(Integer n) {
        return n == null || n < 0 ? 0 : n;
    }

    static OffsetDateTime at(LocalDateTime local) {
        return local == null ? null : local.atOffset(VIETNAM);
    }

    private static String extension(String mediaType) {
        return switch (mediaType == null ? "" : mediaType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/tiff" -> ".tif";
            case "application/pdf" -> ".pdf";
            default -> ".bin";
        };
    }
}
