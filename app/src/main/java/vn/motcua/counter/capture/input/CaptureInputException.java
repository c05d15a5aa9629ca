package vn.motcua.counter.capture.input;

/** A file that cannot become pages; {@code messageKey} is for the UI's translated message. */
public final class CaptureInputException extends Exception {

    private final String messageKey;
    private final Object[] details;

    public CaptureInputException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
        this.details = new Object[0];
    }

    /** With {@code details}: the message's arguments after the file's name (sizes, limits). */
    public CaptureInputException(String messageKey, String message, Object... details) {
        super(message);
        this.messageKey = messageKey;
        this.details = details.clone();
    }

    public CaptureInputException(String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
        this.details = new Object[0];
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments after the file's name. */
    public Object[] details() {
        return details.clone();
    }
}
