package vn.motcua.counter.application.stage;

import java.util.List;

/**
 * Why an item failed or is retried: a message key with its arguments for the clerk's language, and the technical
 * detail for the log and IT staff (never shown as the message).
 */
public record StageError(String messageKey, List<String> arguments, String detail) {

    public StageError {
        arguments = List.copyOf(arguments);
    }
}
