package vn.motcua.counter.application.stage;

import java.util.Optional;

/**
 * A step a received dossier goes through after the receipt, in the order of ENGINEERING.md's path. Each stage works
 * on one kind of subject and may wait for an earlier stage: its item is taken only when no item of {@link #after()}
 * in the same component (or dossier) is unfinished. Items of every stage are enqueued with the dossier, so the
 * order is data in the stage table, not threads waiting on each other. Signing and sending add their constants here.
 */
public enum Stage {

    /** Clean-up and OCR of one page: its text for search and its cleaned image for the copy. */
    PAGE_TEXT(Subject.PAGE, null),
    /** The PDF/A electronic copy of one component, once every page of it is read (or could not be). */
    ELECTRONIC_COPY(Subject.COMPONENT, PAGE_TEXT),
    /**
     * The agency's signature on the copy (docs/decisions/1001-signing.md): BLOCKED while no key is unlocked
     * ("chờ ký"), and retried until a copy signed offline is raised to the counter's level.
     */
    SIGN_COPY(Subject.COMPONENT, ELECTRONIC_COPY),
    /**
     * Sending the dossier to the provincial hub (docs/decisions/0802-sync-in-the-counter.md), once its copies are
     * signed (or made, where this counter signs nothing). Enqueued with the dossier and reopened in the transaction of
     * every later change; TRANSIENT while the link is down, BLOCKED while the counter is not enrolled.
     */
    SEND_DOSSIER(Subject.DOSSIER, SIGN_COPY),
    /**
     * Downloading a result document the department attached on the hub into the content store and attaching it to the
     * dossier (docs/decisions/0803-pulling-the-hubs-changes.md): enqueued by the pulled change that names it, waits
     * for nothing; TRANSIENT while the link is down, BLOCKED while the counter is not enrolled.
     */
    FETCH_RESULT(Subject.RESULT_FILE, null);

    /**
     * What an item of a stage works on; items are scoped to their component and dossier for the ordering. A result file
     * is a file the hub named for the dossier ({@code hub_result_files}).
     */
    public enum Subject { PAGE, COMPONENT, DOSSIER, RESULT_FILE }

    private final Subject subject;
    private final Stage after;

    Stage(Subject subject, Stage after) {
        this.subject = subject;
        this.after = after;
    }

    public Subject subject() {
        return subject;
    }

    /** The stage whose items in the same component (or, for a dossier stage, the same dossier) must finish first. */
    public Optional<Stage> after() {
        return Optional.ofNullable(after);
    }
}
