package vn.motcua.counter.application;

import java.util.List;

/**
 * Something the clerk should know from the start (a missing OCR engine, a wrong setting, an update waiting), as a
 * message key and its arguments; the window shows it above the home list and {@code doctor} lists it.
 */
public record Notice(String messageKey, List<Object> arguments) {

    public Notice {
        arguments = List.copyOf(arguments);
    }

    public static Notice of(String messageKey, Object... arguments) {
        return new Notice(messageKey, List.of(arguments));
    }
}
