package vn.motcua.counter.adapters.protection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data in database columns: each value sealed with AES-256-GCM under a random nonce, the column's name as
 * associated data (a value moved to another column does not open), stored as text {@code ~1} + Base64. Search
 * works on keyed tokens instead of words: {@link #token} is a truncated HMAC-SHA256 under a key of its own, so the
 * index finds equal words without holding them; {@link #prefixTokens} indexes every prefix of a name's words so
 * typing "ngu" still finds "Nguyễn". A value without the prefix is from before encryption and is read as it is
 * (the start-up migration seals those).
 */
public final class FieldCipher {

    public static final String PREFIX = "~1";
    private static final int NONCE = 12;
    private static final int TOKEN_BYTES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;
    private final byte[] tokenKey;

    public FieldCipher(DataKey dataKey) {
        this.key = new SecretKeySpec(dataKey.derive("columns"), "AES");
        this.tokenKey = dataKey.derive("search");
    }

    public String seal(String column, String value) {
        if (value == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The value; one from before encryption is returned as it is. */
    public String open(String column, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("a sealed value of " + column + " does not open with this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    /** A keyed token for one (already folded) word in one index: 16 letters and digits a tokenizer keeps whole. */
    public String token(String index, String word) {
        byte[] mac = DataKey.hmac(tokenKey, (index + "\u0000" + word).getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder(16);
        long bits = 0;
        int count = 0;
        for (int i = 0; i < TOKEN_BYTES; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
            count += 8;
            while (count >= 5) {
                out.append(BASE32[(int) (bits >>> (count - 5)) & 31]);
                count -= 5;
            }
        }
        return out.toString();
    }

    /** Tokens for whole words, space-separated, in their order (page text). */
    public String wordTokens(String index, List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(token(index, w));
        }
        return String.join(" ", out);
    }

    /** Tokens for every prefix of every word (names: a search types the start of each word). */
    public String prefixTokens(String index, List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words) {
            for (int end = 1; end <= w.length(); end++) {
                out.add(token(index, w.substring(0, end)));
            }
        }
        return String.join(" ", out);
    }
}
