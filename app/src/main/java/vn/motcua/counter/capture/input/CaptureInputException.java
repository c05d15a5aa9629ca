package vn.motcua.counter.capture.input;

/** A file that cannot become pages; {@code messageKey} is for the UI's translated message. */
public final class CaptureInputException extends Exception {

    private final String messageKey;

    public CaptureInputException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public CaptureInputException(String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
