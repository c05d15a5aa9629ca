package vn.motcua.counter.adapters.protection;

import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The recovery key shown once at set-up: 160 random bits as 32 base32 characters in groups of four
 * ({@code ABCD-EFGH-…}, no 0/1/8/9 to misread). With it IT staff unwrap the data key on another PC (or after the key
 * file or the Windows account is lost) and wrap it again with that machine's protection. It is never stored.
 */
public final class RecoveryKey {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int CHARACTERS = 32;
    private final String value;

    private RecoveryKey(String value) {
        this.value = value;
    }

    public static RecoveryKey generate() {
        byte[] random = Sealing.random(CHARACTERS);
        StringBuilder out = new StringBuilder(CHARACTERS);
        for (byte b : random) {
            out.append(ALPHABET.charAt((b & 0xff) % 32));   // 256 is a multiple of 32: uniform
        }
        return new RecoveryKey(out.toString());
    }

    /** Reads what IT staff typed: case, spaces and dashes do not matter. */
    public static RecoveryKey parse(String typed) {
        String value = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (value.length() != CHARACTERS || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a recovery key has 32 letters A–Z and digits 2–7");
        }
        return new RecoveryKey(value);
    }

    /** As shown and printed: eight groups of four. */
    public String grouped() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < CHARACTERS; i += 4) {
            out.append(i == 0 ? "" : "-").append(value, i, i + 4);
        }
        return out.toString();
    }

    /** The key-encryption key: PBKDF2-HMAC-SHA256 over the recovery key and the keyring's salt. */
    byte[] kek(byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(value.toCharArray(), salt, 200_000, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "RecoveryKey[hidden]";
    }
}
