package vn.motcua.counter.application;

import java.util.List;

/**
 * A failure the clerk must be told about. It carries a message key and arguments for the UI bundles (Vietnamese or
 * English); the technical cause stays in the log.
 */
public class CounterException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public CounterException(String messageKey, Throwable cause, Object... arguments) {
        super(messageKey + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public CounterException(String messageKey, Object... arguments) {
        this(messageKey, null, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
