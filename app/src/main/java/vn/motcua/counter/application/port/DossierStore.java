package vn.motcua.counter.application.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.identity.ApplicantId;
import vn.motcua.counter.domain.lifecycle.FormKind;

/** Dossiers, their components and pages, and their append-only event history. */
public interface DossierStore {

    /** Reserves the next code of the agency's day. A reserved number is never handed out again, even if unused. */
    DossierCode reserveCode(AgencyCode agency, LocalDate receptionDate);

    /**
     * Saves a newly received dossier, its documents and pages, its receipt and the reception event in one
     * transaction: afterwards the dossier is there whole, or not at all.
     */
    default void saveReceived(Dossier dossier, String receiptContentId) {
        saveReceived(dossier, receiptContentId, List.of());
    }

    /** {@link #saveReceived(Dossier, String)} with more events of the reception (pages reused), same transaction. */
    void saveReceived(Dossier dossier, String receiptContentId, List<DossierEvent> receptionEvents);

    Optional<Dossier> dossier(DossierCode code);

    Optional<String> receiptContentId(DossierCode code);

    /** The codes of the dossiers of the applicant with this number (same kind, and country for a passport), newest first. */
    List<DossierCode> dossiersOf(ApplicantId applicant);

    List<DossierSummary> receivedOn(LocalDate day);

    List<DossierEvent> history(DossierCode code);

    /**
     * Saves a lifecycle step in one transaction: its event, the status change, and its hand-over, form, new
     * appointment or rating.
     *
     * @throws vn.motcua.counter.application.CounterException {@code lifecycle.changed} when the dossier is no longer
     *         in {@code step.from()} (another counter moved it meanwhile), {@code lifecycle.unknown_dossier}
     */
    void record(DossierCode code, LifecycleStep step);

    /** Reserves the next number of a form of the counter's own numbering in a year; never handed out twice. */
    int reserveFormNumber(AgencyCode agency, FormKind form, int year);

    /** Keeps a form that changes no status (control slip, tracking book); {@code code} is null for the book. */
    void saveIssuedForm(DossierCode code, IssuedForm form, LocalDate periodFrom, LocalDate periodTo);

    /** Appends result pages to the dossier, with a RESULT_ATTACHED event, in one transaction. */
    void attachResult(DossierCode code, List<ResultPage> pages);

    Optional<DossierProgress> progress(DossierCode code);

    /** The dossiers received from {@code from} to {@code to} (inclusive), oldest first, for the tracking book. */
    List<TrackingBookEntry> trackingBook(LocalDate from, LocalDate to);
}
