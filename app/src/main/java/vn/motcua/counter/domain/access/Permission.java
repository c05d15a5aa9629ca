package vn.motcua.counter.domain.access;

/**
 * What an application service checks before it acts, with the least role that may do it (the permission table of
 * decision 1301). The window hides what a role may not do, but the check that counts is the service's.
 */
public enum Permission {
    /** Receive a dossier, store its scanned or imported pages, read a citizen's card. */
    RECEIVE(Role.CLERK),
    /** Look dossiers up: the home lists, search, a dossier's screen, its papers and forms. */
    SEARCH(Role.CLERK),
    /**
     * The everyday steps after reception: hand over to the processing unit, request a supplement, refuse to receive,
     * record the result and return it to the citizen; send to the hub now.
     */
    HANDLE(Role.CLERK),
    /** Corrections: an apology with a new appointment (form 04), stopping a dossier (form 05). */
    CORRECT(Role.SUPERVISOR),
    /** The counter report and the tracking book. */
    REPORTS(Role.SUPERVISOR),
    /** The audit log. */
    AUDIT(Role.SUPERVISOR),
    /** Add accounts, reset their passwords. */
    ACCOUNTS(Role.IT_ADMIN),
    /** Change the counter's settings. */
    SETTINGS(Role.IT_ADMIN),
    /** Import the procedure catalogue and the agency list. */
    CATALOGUE(Role.IT_ADMIN),
    /** Check for and install updates. */
    UPDATES(Role.IT_ADMIN),
    /** Run the counter's checks and write a support bundle. */
    DOCTOR(Role.IT_ADMIN),
    /** Back the data folder up to a drive and restore a backup (decision 1203): every citizen's data at once. */
    BACKUP(Role.IT_ADMIN);

    private final Role least;

    Permission(Role least) {
        this.least = least;
    }

    /** The least trusted role that may do it. */
    public Role least() {
        return least;
    }
}
