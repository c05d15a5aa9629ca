package vn.motcua.counter.domain.lifecycle;

import vn.motcua.counter.domain.Status;

/**
 * What a status the processing department set on the provincial hub does to the dossier here. The hub owns the
 * status once the department acted (docs/decisions/0803-pulling-the-hubs-changes.md); the counter takes it when its
 * own lifecycle allows that step, and keeps a record of it otherwise.
 */
public enum HubOutcome {
    /** The dossier moved to the hub's status (a history entry with who on the hub did it). */
    APPLIED,
    /** The dossier was in that status already (e.g. the counter made the same step); the entry is kept. */
    ALREADY_THERE,
    /** The local lifecycle does not allow that step from where the dossier is; recorded, nothing moved. */
    REFUSED,
    /** No dossier of that code on this counter. */
    UNKNOWN_DOSSIER;

    /** The outcome of the hub's {@code status} for a dossier in {@code here}. */
    public static HubOutcome of(Status here, Status hub) {
        if (here == hub) {
            return ALREADY_THERE;
        }
        return here.canMoveTo(hub) ? APPLIED : REFUSED;
    }

    /** Whether the change counts as known to the counter when it next sends the dossier. */
    public boolean taken() {
        return this == APPLIED || this == ALREADY_THERE;
    }
}
