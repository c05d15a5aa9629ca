package vn.motcua.counter.application.stage;

/** Where one item of stage work stands; kept in the counter's SQLite file so a restart resumes it. */
public enum WorkState {
    /** To do, now or from its next attempt time on. */
    WAITING,
    /** Taken by the runner; an item found RUNNING at start was cut by a crash and is taken again. */
    RUNNING,
    DONE,
    /** Given up with a reason the clerk can read; a retry puts it back to WAITING. */
    FAILED,
    /** Waiting for something outside the counter, such as a signing token or a network link. */
    BLOCKED;

    /** Later stages of the same component or dossier wait while an item is in such a state. */
    public boolean unfinished() {
        return this == WAITING || this == RUNNING || this == BLOCKED;
    }
}
