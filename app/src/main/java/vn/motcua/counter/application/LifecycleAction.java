package vn.motcua.counter.application;

import java.util.EnumSet;
import java.util.Set;
import vn.motcua.counter.domain.Status;

/** What the clerk can do to a dossier after reception, and in which statuses each is offered. */
public enum LifecycleAction {
    /** Form 02; the dossier waits for the applicant (status 5). */
    REQUEST_SUPPLEMENT,
    /** Back to processing (status 4): handed to the processing unit, or the supplement came in. */
    PROCESS,
    /** Form 03: refused to receive (3) or to resolve (8). */
    REFUSE,
    /** Form 04: apology with a new date; the status stays. */
    APOLOGISE,
    /** Form 05: processing stopped (8). */
    STOP,
    /** The result came back from the processing unit (9). */
    RESOLVE,
    /** Result documents scanned or imported before the hand-over. */
    ATTACH_RESULT,
    /** Result handed to the citizen with a satisfaction rating (10). */
    RETURN;

    private static final Set<Status> IN_PROGRESS = EnumSet.of(Status.RECEIVED, Status.PROCESSING,
            Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED);

    public static Set<LifecycleAction> allowedIn(Status status) {
        Set<LifecycleAction> actions = EnumSet.noneOf(LifecycleAction.class);
        if (status.canMoveTo(Status.SUPPLEMENT_REQUESTED)) {
            actions.add(REQUEST_SUPPLEMENT);
        }
        if (status.canMoveTo(Status.PROCESSING)) {
            actions.add(PROCESS);
        }
        if (status.canMoveTo(Status.NOT_RECEIVED) || (IN_PROGRESS.contains(status) && status.canMoveTo(Status.STOPPED))) {
            actions.add(REFUSE);
        }
        if (IN_PROGRESS.contains(status)) {
            actions.add(APOLOGISE);
        }
        if (status.canMoveTo(Status.STOPPED)) {
            actions.add(STOP);
        }
        if (status.canMoveTo(Status.RESOLVED)) {
            actions.add(RESOLVE);
        }
        if (status == Status.PROCESSING || status == Status.RESOLVED) {
            actions.add(ATTACH_RESULT);
        }
        if (status.canMoveTo(Status.RETURNED)) {
            actions.add(RETURN);
        }
        return actions;
    }
}
