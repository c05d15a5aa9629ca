package vn.motcua.counter.adapters.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The counter's data key: 32 random bytes made at set-up, kept on disk only wrapped (by the operating system's key
 * protection and by the recovery key, see {@link Keyring}). Each use gets its own sub-key, derived with
 * HMAC-SHA256 over a purpose label, so the file cipher, the column cipher and the search tokens never share a key.
 */
public final class DataKey {

    public static final int LENGTH = 32;
    private final byte[] key;

    private DataKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a data key has " + LENGTH + " bytes");
        }
        this.key = key.clone();
    }

    public static DataKey generate() {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        return new DataKey(key);
    }

    public static DataKey of(byte[] key) {
        return new DataKey(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    /** A sub-key for one purpose ("files", "columns", "search"). */
    public byte[] derive(String purpose) {
        return hmac(key, ("motcua/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Overwrites the key in memory, for a key that is no longer needed (set-up, recovery). */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
