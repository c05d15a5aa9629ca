package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.FormRenderer;
import vn.motcua.counter.application.port.Handover;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.LifecycleStep;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.domain.lifecycle.SatisfactionScale;
import vn.motcua.counter.domain.lifecycle.SupplementItem;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.sync.Outbox;

/**
 * A dossier's life after reception: supplement requests, refusal, apology, stop, resolution, the return of the result
 * with the citizen's rating, and the forms that go with them. Every step is checked against the status rules and
 * saved with who, when and why; the clerk signed in at the counter is the actor.
 */
public final class LifecycleService {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleService.class);

    private final DossierStore dossiers;
    private final ContentStore contents;
    private final FormRenderer forms;
    private final Clock clock;
    private final SatisfactionScale scale;
    private final String processingUnit;
    private final CurrentClerk clerk;
    private volatile Outbox outbox = Outbox.NONE;
    private volatile Audit audit = Audit.OFF;

    /**
     * @param processingUnit who the counter hands dossiers to for resolution (bộ phận chuyên môn), named on the
     *                       control slip
     * @param clerk          who is signed in: reading needs {@link Permission#SEARCH}, the everyday steps
     *                       {@link Permission#HANDLE}, an apology or a stop {@link Permission#CORRECT}, the tracking
     *                       book {@link Permission#REPORTS}
     */
    public LifecycleService(DossierStore dossiers, ContentStore contents, FormRenderer forms, Clock clock,
                            SatisfactionScale scale, String processingUnit, CurrentClerk clerk) {
        this.clerk = java.util.Objects.requireNonNull(clerk, "who is signed in");
        this.dossiers = dossiers;
        this.contents = contents;
        this.forms = forms;
        this.clock = clock;
        this.scale = scale;
        this.processingUnit = processingUnit;
    }

    /** Each saved step and result is queued for the hub with it, in one transaction. */
    public void outbox(Outbox value) {
        this.outbox = value;
    }

    /** Every view, print and change of a dossier is recorded in {@code value} (decision 1302). */
    public void audit(Audit value) {
        this.audit = value;
    }

    public SatisfactionScale satisfactionScale() {
        return scale;
    }

    /** The dossier as the clerk opens it (the dossier screen, {@code motcua dossier show}): recorded as a view. */
    public Dossier dossier(DossierCode code) {
        clerk.require(Permission.SEARCH);
        Dossier dossier = find(code);
        audit.record(AuditAction.VIEW, code.value(), "dossier");
        return dossier;
    }

    /** The dossier for a step whose permission was checked, not recorded as a view. */
    private Dossier find(DossierCode code) {
        return dossiers.dossier(code).orElseThrow(() -> new CounterException("lifecycle.unknown_dossier", code.value()));
    }

    public DossierProgress progress(DossierCode code) {
        clerk.require(Permission.SEARCH);
        return dossiers.progress(code).orElseThrow(() -> new CounterException("lifecycle.unknown_dossier", code.value()));
    }

    public List<DossierEvent> history(DossierCode code) {
        clerk.require(Permission.SEARCH);
        return dossiers.history(code);
    }

    /** A form that spans dossiers (the tracking book), for printing: recorded as printed. */
    public byte[] pdf(IssuedForm form) {
        return pdf(null, form);
    }

    /** Dossier {@code code}'s form, for printing (the preview): recorded as printed. */
    public byte[] pdf(DossierCode code, IssuedForm form) {
        clerk.require(Permission.SEARCH);
        byte[] pdf = contents.read(form.contentId());
        audit.record(AuditAction.PRINT, code == null ? null : code.value(), formDetail(form));
        return pdf;
    }

    /** The receipt (form 01) issued at reception, as it was printed then, for a copy: recorded as printed. */
    public byte[] receipt(DossierCode code) {
        clerk.require(Permission.SEARCH);
        byte[] pdf = contents.read(dossiers.receiptContentId(code)
                .orElseThrow(() -> new CounterException("lifecycle.unknown_dossier", code.value())));
        audit.record(AuditAction.PRINT, code.value(), "form=RECEIPT");
        return pdf;
    }

    /** Hands the dossier to the processing unit, or back to it once the supplement came in (status 4). */
    public Status process(DossierCode code, String note, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = find(code);
        LifecycleStep step = step("PROCESSING", dossier, Status.PROCESSING, note, counter);
        Handover handover = new Handover(step.at(), clerkName(counter), processingUnit,
                dossier.status() == Status.SUPPLEMENT_REQUESTED ? "Hồ sơ đã bổ sung" : "Chuyển giải quyết");
        change(code, step, () -> dossiers.record(code, step.withHandover(handover)));
        return Status.PROCESSING;
    }

    /** The result came back from the processing unit (status 9). */
    public Status resolve(DossierCode code, String note, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = find(code);
        LifecycleStep step = step("RESOLVED", dossier, Status.RESOLVED, note, counter);
        Handover handover = new Handover(step.at(), processingUnit, clerkName(counter),
                "Trả kết quả về bộ phận một cửa");
        change(code, step, () -> dossiers.record(code, step.withHandover(handover)));
        return Status.RESOLVED;
    }

    /** Form 02 and status 5: the applicant must add {@code items}. */
    public IssuedForm requestSupplement(DossierCode code, List<SupplementItem> items, String reason,
                                        CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        if (items.isEmpty()) {
            throw new CounterException("lifecycle.supplement_empty");
        }
        Dossier dossier = find(code);
        LifecycleStep step = step("SUPPLEMENT_REQUESTED", dossier, Status.SUPPLEMENT_REQUESTED, required(reason),
                counter);
        IssuedForm unsaved = issue(FormKind.SUPPLEMENT_REQUEST, step.at(), counter);
        IssuedForm form = store(unsaved, forms.supplementRequest(dossier, unsaved, items, reason, counter));
        change(code, step, form, () -> dossiers.record(code, step.withForm(form)));
        return form;
    }

    /** Form 03: refused to receive (status 3) when only registered, otherwise refused to resolve (status 8). */
    public IssuedForm refuse(DossierCode code, String reason, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = find(code);
        if (!LifecycleAction.allowedIn(dossier.status()).contains(LifecycleAction.REFUSE)) {
            throw illegal(dossier, Status.NOT_RECEIVED);
        }
        Status target = dossier.status().canMoveTo(Status.NOT_RECEIVED) ? Status.NOT_RECEIVED : Status.STOPPED;
        return withNotice(FormKind.REFUSAL, step("REFUSED", dossier, target, required(reason), counter), dossier,
                null, counter);
    }

    /** Form 05 and status 8. */
    public IssuedForm stop(DossierCode code, String reason, CounterProfile counter) {
        clerk.require(Permission.CORRECT);
        Dossier dossier = find(code);
        return withNotice(FormKind.STOP_NOTICE, step("STOPPED", dossier, Status.STOPPED, required(reason), counter),
                dossier, null, counter);
    }

    /** Form 04: the status stays; the dossier gets a new, later appointment. */
    public IssuedForm apologise(DossierCode code, LocalDateTime newAppointment, String reason, CounterProfile counter) {
        clerk.require(Permission.CORRECT);
        Dossier dossier = find(code);
        if (!LifecycleAction.allowedIn(dossier.status()).contains(LifecycleAction.APOLOGISE)) {
            throw new CounterException("lifecycle.apology_not_now", dossier.status().portalName());
        }
        LocalDateTime current = progress(code).extendedAppointmentAt();
        LocalDateTime due = current == null ? dossier.appointmentAt() : current;
        if (newAppointment == null || !newAppointment.isAfter(due)) {
            throw new CounterException("lifecycle.apology_date", due);
        }
        LifecycleStep step = LifecycleStep.of("APOLOGY", now(), clerkName(counter), dossier.status(),
                dossier.status(), required(reason)).withNewAppointment(newAppointment);
        return withNotice(FormKind.APOLOGY, step, dossier, newAppointment, counter);
    }

    /** Adds scanned or imported pages of one result document; they are already in the content store. */
    public void attachResult(DossierCode code, String documentName, List<Page> pages, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = find(code);
        if (!LifecycleAction.allowedIn(dossier.status()).contains(LifecycleAction.ATTACH_RESULT)) {
            throw new CounterException("lifecycle.result_not_now", dossier.status().portalName());
        }
        if (pages.isEmpty()) {
            throw new CounterException("lifecycle.no_result");
        }
        LocalDateTime at = now();
        String name = documentName == null || documentName.isBlank() ? "Kết quả giải quyết" : documentName.strip();
        outbox.change(code, () -> {
            dossiers.attachResult(code, pages.stream().map(p -> new ResultPage(name, p, at, clerkName(counter)))
                    .toList());
            audit.record(AuditAction.CHANGE, code.value(), "RESULT_ATTACHED pages=" + pages.size());
        });
    }

    /** Status 10: the result is handed to the citizen, who rates the service on the counter's scale. */
    public Status returnResult(DossierCode code, int ratingLevel, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = find(code);
        if (progress(code).results().isEmpty()) {
            throw new CounterException("lifecycle.no_result");
        }
        if (ratingLevel < 1 || ratingLevel > scale.levels().size()) {
            throw new CounterException("lifecycle.rating_missing");
        }
        LifecycleStep step = step("RETURNED", dossier, Status.RETURNED, null, counter);
        Handover handover = new Handover(step.at(), clerkName(counter), dossier.applicant().fullName(),
                "Trả kết quả cho công dân");
        LifecycleStep rated = step.withRating(scale.rate(ratingLevel)).withHandover(handover);
        change(code, rated, () -> dossiers.record(code, rated));
        LOG.info("dossier {} returned, rating {}/{}", code, ratingLevel, scale.levels().size());
        return Status.RETURNED;
    }

    /** Form 06 as it stands now. */
    public IssuedForm controlSlip(DossierCode code, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = find(code);
        IssuedForm unsaved = new IssuedForm(FormKind.CONTROL_SLIP, null, now(), clerkName(counter), null);
        IssuedForm form = store(unsaved, forms.controlSlip(dossier, progress(code), unsaved, counter));
        dossiers.saveIssuedForm(code, form, null, null);   // not a step: nothing to send to the hub
        audit.record(AuditAction.CHANGE, code.value(), formDetail(form));
        return form;
    }

    /** Form 07 for the dossiers received from {@code from} to {@code to}. */
    public IssuedForm trackingBook(LocalDate from, LocalDate to, CounterProfile counter) {
        clerk.require(Permission.REPORTS);
        if (to.isBefore(from)) {
            throw new CounterException("lifecycle.period_reversed");
        }
        IssuedForm unsaved = new IssuedForm(FormKind.TRACKING_BOOK, null, now(), clerkName(counter), null);
        IssuedForm form = store(unsaved, forms.trackingBook(from, to, dossiers.trackingBook(from, to), unsaved, counter));
        dossiers.saveIssuedForm(null, form, from, to);
        audit.record(AuditAction.CHANGE, null, formDetail(form) + " period=" + from + ".." + to);
        return form;
    }

    private IssuedForm withNotice(FormKind kind, LifecycleStep step, Dossier dossier, LocalDateTime newAppointment,
                                  CounterProfile counter) {
        IssuedForm unsaved = issue(kind, step.at(), counter);
        IssuedForm form = store(unsaved, forms.notice(kind, dossier, unsaved, step.reason(), newAppointment, counter));
        change(dossier.code(), step, form, () -> dossiers.record(dossier.code(), step.withForm(form)));
        return form;
    }

    /** Saves a step with its audit entry (and its outbox item), all or nothing. */
    private void change(DossierCode code, LifecycleStep step, Runnable save) {
        change(code, step, null, save);
    }

    private void change(DossierCode code, LifecycleStep step, IssuedForm form, Runnable save) {
        String detail = step.kind() + " " + step.from().portalCode() + "->" + step.to().portalCode()
                + (form == null ? "" : " " + formDetail(form));
        outbox.change(code, () -> {
            save.run();
            audit.record(AuditAction.CHANGE, code.value(), detail);
        });
    }

    private static String formDetail(IssuedForm form) {
        return "form=" + form.kind().name() + (form.number() == null ? "" : " number=" + form.number());
    }

    /** Checks the transition before anything is rendered or numbered. */
    private LifecycleStep step(String kind, Dossier dossier, Status target, String reason, CounterProfile counter) {
        if (!dossier.status().canMoveTo(target)) {
            throw illegal(dossier, target);
        }
        return LifecycleStep.of(kind, now(), clerkName(counter), dossier.status(), target,
                reason == null || reason.isBlank() ? null : reason.strip());
    }

    private IssuedForm issue(FormKind kind, LocalDateTime at, CounterProfile counter) {
        String number = kind.isNumbered()
                ? kind.formatNumber(dossiers.reserveFormNumber(counter.agencyCode(), kind, at.getYear())) : null;
        return new IssuedForm(kind, number, at, clerkName(counter), null);
    }

    private IssuedForm store(IssuedForm form, byte[] pdf) {
        return new IssuedForm(form.kind(), form.number(), form.issuedAt(), form.issuedBy(), contents.put(pdf));
    }

    private static CounterException illegal(Dossier dossier, Status target) {
        return new CounterException("lifecycle.illegal", dossier.code().value(), dossier.status().portalName(),
                target.portalName());
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new CounterException("lifecycle.reason_missing");
        }
        return reason.strip();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Who is written as acting: the clerk signed in (decision 1301); {@code clerk.name} only before accounts exist. */
    private String clerkName(CounterProfile counter) {
        return clerk.nameOr(counter.clerkName());
    }
}
