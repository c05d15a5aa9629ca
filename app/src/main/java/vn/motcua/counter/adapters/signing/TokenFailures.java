package vn.motcua.counter.adapters.signing;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.application.CounterException;

/**
 * Turns what SunPKCS11 throws into what the clerk can act on. Its exceptions carry the PKCS#11 return value
 * ({@code CKR_…}) somewhere in their cause chain, as text only.
 */
final class TokenFailures {

    private TokenFailures() {
    }

    static CounterException onUnlock(Exception e, String token) {
        String text = chain(e);
        if (text.contains("CKR_PIN_INCORRECT") || text.contains("CKR_PIN_LEN_RANGE")
                || e.getCause() instanceof javax.security.auth.login.FailedLoginException) {
            return new CounterException("signing.wrong_pin", e, token);
        }
        if (text.contains("CKR_PIN_LOCKED")) {
            return new CounterException("signing.pin_locked", e, token);
        }
        if (noToken(e)) {
            return new CounterException("signing.no_token", e, token, rootMessage(e));
        }
        return new CounterException("signing.key_unreadable", e, token);
    }

    /** During a batch: the token went away, or it wants a second PIN for each signature (CKA_ALWAYS_AUTHENTICATE). */
    static CounterException onSign(Exception e, String token) {
        String text = chain(e);
        if (text.contains("CKR_USER_NOT_LOGGED_IN")) {
            return new CounterException("signing.second_pin", e, token);
        }
        if (noToken(e) || text.contains("CKR_SESSION") || text.contains("CKR_DEVICE") || text.contains("CKR_KEY_HANDLE")
                || text.contains("CKR_OBJECT_HANDLE") || text.contains("CKR_CRYPTOKI_NOT_INITIALIZED")
                || text.contains("CKR_GENERAL_ERROR")) {
            return new CounterException("signing.token_removed", e, token);
        }
        return new CounterException("signing.failed", e, token);
    }

    static boolean noToken(Exception e) {
        String text = chain(e);
        return text.contains("CKR_TOKEN_NOT_PRESENT") || text.contains("CKR_TOKEN_NOT_RECOGNIZED")
                || text.contains("slotListIndex") || text.contains("Token has been removed")
                || text.contains("no token") || text.contains("CKR_SLOT_ID_INVALID");
    }

    static String chain(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 8; t = t.getCause()) {
            parts.add(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return String.join(" <- ", parts);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
