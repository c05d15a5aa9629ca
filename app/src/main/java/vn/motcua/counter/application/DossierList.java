package vn.motcua.counter.application;

/** The lists on the home screen. */
public enum DossierList {
    TODAY, DUE_SOON, OVERDUE, READY_TO_RETURN
}
