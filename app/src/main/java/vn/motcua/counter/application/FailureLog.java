package vn.motcua.counter.application;

import org.slf4j.Logger;

/**
 * How a failure shown to the clerk is logged. A refusal the clerk can act on (a {@link CounterException}: a wrong
 * value, a locked folder, a missing file) is an ordinary event: one WARN line with its message key, no stack trace.
 * Anything else is a defect: ERROR with the stack trace. An adapter that turned a technical cause into a
 * {@code CounterException} has logged that cause itself.
 */
public final class FailureLog {

    private FailureLog() {
    }

    public static void log(Logger log, String what, Throwable failure) {
        Throwable unwrapped = failure;
        while ((unwrapped instanceof java.util.concurrent.CompletionException
                || unwrapped instanceof java.util.concurrent.ExecutionException) && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        if (unwrapped instanceof CounterException refusal) {
            log.warn("{}: {}", what, refusal.messageKey()); // arguments may name a person: not logged
        } else {
            log.error(what, failure);
        }
    }
}
