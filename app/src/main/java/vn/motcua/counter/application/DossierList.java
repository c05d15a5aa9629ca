package vn.motcua.counter.application;

/**
 * The lists on the home screen. {@code SUPPLEMENT_REQUESTED}: dossiers waiting for the applicant's supplement, also
 * those the department asked for on the hub (decision 0803), so the clerk can call the applicant.
 */
public enum DossierList {
    TODAY, DUE_SOON, OVERDUE, READY_TO_RETURN, SUPPLEMENT_REQUESTED
}
