package vn.motcua.counter.application.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over a canonical encoding of an entry's place, content and the previous entry's hash.
 * Every field is written as its length in UTF-8 bytes (4 bytes, big-endian) then its bytes, so no two different entries
 * encode alike (there is no separator a detail could contain); an absent dossier code is length -1.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "motcua-audit-v1";

    private AuditChain() {
    }

    /** The hash {@code entry} has when it stands at place {@code seq} (its own place, or where it came from). */
    public static String hash(AuditEntry entry, long seq) {
        MessageDigest sha = sha256();
        field(sha, VERSION);
        field(sha, Long.toString(seq));
        field(sha, entry.time());
        field(sha, entry.actor());
        field(sha, entry.counter());
        field(sha, entry.action());
        field(sha, entry.dossierCode());
        field(sha, entry.detail());
        field(sha, entry.previousHash());
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether the entry's stored hash is the hash of what it says, at its own place. */
    public static boolean intact(AuditEntry entry) {
        return hash(entry, entry.seq()).equals(entry.hash());
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update(new byte[] {-1, -1, -1, -1});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
