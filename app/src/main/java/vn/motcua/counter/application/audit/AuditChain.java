package vn.motcua.counter.application.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chain's hash over a canonical encoding of an entry's place, content and the previous entry's hash. Every field
 * is written as its length in UTF-8 bytes (4 bytes, big-endian) then its bytes, so no two different entries encode
 * alike (there is no separator a detail could contain); an absent dossier code is length -1.
 * <p>
 * The counter's chain is {@link #keyed keyed}: HMAC-SHA-256 under the audit key derived from the data folder's data key
 * (decision 1302), so someone with the database file but not the key cannot rewrite entries and compute their hashes
 * again. {@link #UNKEYED} (plain SHA-256, the format before) only checks a log from an older version once, before it
 * is chained again with the key.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** The chain before the key: SHA-256, anyone can compute it. Only for checking a log written by older versions. */
    public static final AuditChain UNKEYED = new AuditChain(null);
    private static final String UNKEYED_VERSION = "motcua-audit-v1";
    private static final String KEYED_VERSION = "motcua-audit-v2-hmac";

    private final SecretKeySpec key;

    private AuditChain(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, "HmacSHA256");
    }

    /** The chain keyed with {@code key} (32 bytes or more: the data key's audit sub-key). */
    public static AuditChain keyed(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit key has at least 32 bytes");
        }
        return new AuditChain(key.clone());
    }

    /** The hash {@code entry} has when it stands at place {@code seq} (its own place, or where it came from). */
    public String hash(AuditEntry entry, long seq) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(256);
        field(encoded, key == null ? UNKEYED_VERSION : KEYED_VERSION);
        field(encoded, Long.toString(seq));
        field(encoded, entry.time());
        field(encoded, entry.actor());
        field(encoded, entry.counter());
        field(encoded, entry.action());
        field(encoded, entry.dossierCode());
        field(encoded, entry.detail());
        field(encoded, entry.previousHash());
        return HexFormat.of().formatHex(digest(encoded.toByteArray()));
    }

    /** Whether the entry's stored hash is the hash of what it says, at its own place. */
    public boolean intact(AuditEntry entry) {
        return entry.hash() != null && MessageDigest.isEqual(
                hash(entry, entry.seq()).getBytes(StandardCharsets.US_ASCII),
                entry.hash().getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] digest(byte[] encoded) {
        try {
            if (key == null) {
                return MessageDigest.getInstance("SHA-256").digest(encoded);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(encoded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256 and HmacSHA256", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(new byte[] {-1, -1, -1, -1});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.writeBytes(bytes);
    }
}
