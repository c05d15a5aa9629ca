package vn.motcua.sync.wire;

/**
 * A body that is not what the protocol says: malformed JSON, a wrong type, or a value a rule refuses.
 * {@code field} is the JSON path at fault ({@code applicant.name}, {@code components[2].files[0].sha256}) or null
 * when the JSON itself is broken. The message names no personal data, only the field and the rule.
 */
public final class WireFormatException extends Exception {
    private final String field;

    public WireFormatException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
