package vn.motcua.sync.hub.service;

import java.util.List;
import vn.motcua.sync.wire.ErrorCode;

/**
 * A request the hub refuses, with the protocol's stable error code ({@link ErrorCode}); the HTTP layer picks the
 * status from the code. Messages name fields and rules, never personal data.
 */
public final class Refusal extends RuntimeException {
    private final String code;
    private final String field;
    private final List<String> missing;

    public Refusal(String code, String message) {
        this(code, message, null, null);
    }

    public Refusal(String code, String message, String field, List<String> missing) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.missing = missing;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public List<String> missing() {
        return missing;
    }

    public static Refusal notFound() {
        return new Refusal(ErrorCode.NOT_FOUND, "no such resource");
    }

    public static Refusal badRequest(String message) {
        return new Refusal(ErrorCode.BAD_REQUEST, message);
    }
}
