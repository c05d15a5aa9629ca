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

    public SatisfactionScale satisfactionScale() {
        return scale;
    }

    public Dossier dossier(DossierCode code) {
        clerk.require(Permission.SEARCH);
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

    public byte[] pdf(IssuedForm form) {
        clerk.require(Permission.SEARCH);
        return contents.read(form.contentId());
    }

    /** The receipt (form 01) issued at reception, as it was printed then, for a copy. */
    public byte[] receipt(DossierCode code) {
        clerk.require(Permission.SEARCH);
        return contents.read(dossiers.receiptContentId(code)
                .orElseThrow(() -> new CounterException("lifecycle.unknown_dossier", code.value())));
    }

    /** Hands the dossier to the processing unit, or back to it once the supplement came in (status 4). */
    public Status process(DossierCode code, String note, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = dossier(code);
        LifecycleStep step = step("PROCESSING", dossier, Status.PROCESSING, note, counter);
        Handover handover = new Handover(step.at(), counter.clerkName(), processingUnit,
                dossier.status() == Status.SUPPLEMENT_REQUESTED ? "Hồ sơ đã bổ sung" : "Chuyển giải quyết");
        outbox.change(code, () -> dossiers.record(code, step.withHandover(handover)));
        return Status.PROCESSING;
    }

    /** The result came back from the processing unit (status 9). */
    public Status resolve(DossierCode code, String note, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = dossier(code);
        LifecycleStep step = step("RESOLVED", dossier, Status.RESOLVED, note, counter);
        Handover handover = new Handover(step.at(), processingUnit, counter.clerkName(),
                "Trả kết quả về bộ phận một cửa");
        outbox.change(code, () -> dossiers.record(code, step.withHandover(handover)));
        return Status.RESOLVED;
    }

    /** Form 02 and status 5: the applicant must add {@code items}. */
    public IssuedForm requestSupplement(DossierCode code, List<SupplementItem> items, String reason,
                                        CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        if (items.isEmpty()) {
            throw new CounterException("lifecycle.supplement_empty");
        }
        Dossier dossier = dossier(code);
        LifecycleStep step = step("SUPPLEMENT_REQUESTED", dossier, Status.SUPPLEMENT_REQUESTED, required(reason),
                counter);
        IssuedForm unsaved = issue(FormKind.SUPPLEMENT_REQUEST, step.at(), counter);
        IssuedForm form = store(unsaved, forms.supplementRequest(dossier, unsaved, items, reason, counter));
        outbox.change(code, () -> dossiers.record(code, step.withForm(form)));
        return form;
    }

    /** Form 03: refused to receive (status 3) when only registered, otherwise refused to resolve (status 8). */
    public IssuedForm refuse(DossierCode code, String reason, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = dossier(code);
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
        Dossier dossier = dossier(code);
        return withNotice(FormKind.STOP_NOTICE, step("STOPPED", dossier, Status.STOPPED, required(reason), counter),
                dossier, null, counter);
    }

    /** Form 04: the status stays; the dossier gets a new, later appointment. */
    public IssuedForm apologise(DossierCode code, LocalDateTime newAppointment, String reason, CounterProfile counter) {
        clerk.require(Permission.CORRECT);
        Dossier dossier = dossier(code);
        if (!LifecycleAction.allowedIn(dossier.status()).contains(LifecycleAction.APOLOGISE)) {
            throw new CounterException("lifecycle.apology_not_now", dossier.status().portalName());
        }
        LocalDateTime current = progress(code).extendedAppointmentAt();
        LocalDateTime due = current == null ? dossier.appointmentAt() : current;
        if (newAppointment == null || !newAppointment.isAfter(due)) {
            throw new CounterException("lifecycle.apology_date", due);
        }
        LifecycleStep step = LifecycleStep.of("APOLOGY", now(), counter.clerkName(), dossier.status(),
                dossier.status(), required(reason)).withNewAppointment(newAppointment);
        return withNotice(FormKind.APOLOGY, step, dossier, newAppointment, counter);
    }

    /** Adds scanned or imported pages of one result document; they are already in the content store. */
    public void attachResult(DossierCode code, String documentName, List<Page> pages, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = dossier(code);
        if (!LifecycleAction.allowedIn(dossier.status()).contains(LifecycleAction.ATTACH_RESULT)) {
            throw new CounterException("lifecycle.result_not_now", dossier.status().portalName());
        }
        if (pages.isEmpty()) {
            throw new CounterException("lifecycle.no_result");
        }
        LocalDateTime at = now();
        String name = documentName == null || documentName.isBlank() ? "Kết quả giải quyết" : documentName.strip();
        outbox.change(code, () -> dossiers.attachResult(code,
                pages.stream().map(p -> new ResultPage(name, p, at, counter.clerkName())).toList()));
    }

    /** Status 10: the result is handed to the citizen, who rates the service on the counter's scale. */
    public Status returnResult(DossierCode code, int ratingLevel, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = dossier(code);
        if (progress(code).results().isEmpty()) {
            throw new CounterException("lifecycle.no_result");
        }
        if (ratingLevel < 1 || ratingLevel > scale.levels().size()) {
            throw new CounterException("lifecycle.rating_missing");
        }
        LifecycleStep step = step("RETURNED", dossier, Status.RETURNED, null, counter);
        Handover handover = new Handover(step.at(), counter.clerkName(), dossier.applicant().fullName(),
                "Trả kết quả cho công dân");
        LifecycleStep rated = step.withRating(scale.rate(ratingLevel)).withHandover(handover);
        outbox.change(code, () -> dossiers.record(code, rated));
        LOG.info("dossier {} returned, rating {}/{}", code, ratingLevel, scale.levels().size());
        return Status.RETURNED;
    }

    /** Form 06 as it stands now. */
    public IssuedForm controlSlip(DossierCode code, CounterProfile counter) {
        clerk.require(Permission.HANDLE);
        Dossier dossier = dossier(code);
        IssuedForm unsaved = new IssuedForm(FormKind.CONTROL_SLIP, null, now(), counter.clerkName(), null);
        IssuedForm form = store(unsaved, forms.controlSlip(dossier, progress(code), unsaved, counter));
        dossiers.saveIssuedForm(code, form, null, null);
        return form;
    }

    /** Form 07 for the dossiers received from {@code from} to {@code to}. */
    public IssuedForm trackingBook(LocalDate from, LocalDate to, CounterProfile counter) {
        clerk.require(Permission.REPORTS);
        if (to.isBefore(from)) {
            throw new CounterException("lifecycle.period_reversed");
        }
        IssuedForm unsaved = new IssuedForm(FormKind.TRACKING_BOOK, null, now(), counter.clerkName(), null);
        IssuedForm form = store(unsaved, forms.trackingBook(from, to, dossiers.trackingBook(from, to), unsaved, counter));
        dossiers.saveIssuedForm(null, form, from, to);
        return form;
    }

    private IssuedForm withNotice(FormKind kind, LifecycleStep step, Dossier dossier, LocalDateTime newAppointment,
                                  CounterProfile counter) {
        IssuedForm unsaved = issue(kind, step.at(), counter);
        IssuedForm form = store(unsaved, forms.notice(kind, dossier, unsaved, step.reason(), newAppointment, counter));
        outbox.change(dossier.code(), () -> dossiers.record(dossier.code(), step.withForm(form)));
        return form;
    }

    /** Checks the transition before anything is rendered or numbered. */
    private LifecycleStep step(String kind, Dossier dossier, Status target, String reason, CounterProfile counter) {
        if (!dossier.status().canMoveTo(target)) {
            throw illegal(dossier, target);
        }
        return LifecycleStep.of(kind, now(), counter.clerkName(), dossier.status(), target,
                reason == null || reason.isBlank() ? null : reason.strip());
    }

    private IssuedForm issue(FormKind kind, LocalDateTime at, CounterProfile counter) {
        String number = kind.isNumbered()
                ? kind.formatNumber(dossiers.reserveFormNumber(counter.agencyCode(), kind, at.getYear())) : null;
        return new IssuedForm(kind, number, at, counter.clerkName(), null);
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
}
