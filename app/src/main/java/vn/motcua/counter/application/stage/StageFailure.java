package vn.motcua.counter.application.stage;

import vn.motcua.counter.application.CounterException;

/**
 * A handler's typed failure. {@link Kind#PERMANENT}: trying again gives the same answer (an unreadable image), the
 * item fails at once. {@link Kind#TRANSIENT}: it may work later (a full disk, a dropped link), retried with
 * back-off without a limit. {@link Kind#BLOCKED}: it waits for something outside (a token), with no attempt counted.
 * Any other exception counts as unexpected: retried a few times, then failed.
 */
public final class StageFailure extends CounterException {

    public enum Kind { PERMANENT, TRANSIENT, BLOCKED }

    private final Kind kind;
    private final String waitingFor;

    private StageFailure(Kind kind, String waitingFor, String messageKey, Throwable cause, Object... arguments) {
        super(messageKey, cause, arguments);
        this.kind = kind;
        this.waitingFor = waitingFor;
    }

    public static StageFailure permanent(String messageKey, Throwable cause, Object... arguments) {
        return new StageFailure(Kind.PERMANENT, null, messageKey, cause, arguments);
    }

    public static StageFailure transientFailure(String messageKey, Throwable cause, Object... arguments) {
        return new StageFailure(Kind.TRANSIENT, null, messageKey, cause, arguments);
    }

    /** The item waits, BLOCKED, until {@link StageRunner#unblock(String)} is called with {@code waitingFor}. */
    public static StageFailure blocked(String waitingFor, String messageKey, Object... arguments) {
        return new StageFailure(Kind.BLOCKED, waitingFor, messageKey, null, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String waitingFor() {
        return waitingFor;
    }
}
