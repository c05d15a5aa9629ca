package vn.motcua.sync.hub.service;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import vn.motcua.sync.wire.Sha256;

/** Random credentials and their stored form: the hub keeps only the SHA-256 of a token or code. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford-like alphabet without 0/O, 1/I/L, U: a code read aloud over the phone survives. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Secrets() {
    }

    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code XXXX-XXXX-XXXX-XXXX}: about 78 bits, typed once by IT staff at the counter. */
    public static String enrolmentCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    public static byte[] hash(String secret) {
        return Sha256.digest().digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
