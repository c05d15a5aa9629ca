package vn.motcua.counter.adapters.protection;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;

/**
 * The data folder's {@code keyring.properties}: the data key wrapped twice, by this machine's {@link KeyProtection}
 * and by the recovery key, never in clear. The first open makes the data key and the recovery key (returned once, to
 * be shown and printed); later opens unwrap it. A recovery key given at open (IT staff on a new PC, or after the key
 * file was lost) unwraps it and wraps it again with this machine's protection. Fails closed with a message key:
 * {@code protection.unavailable}, {@code protection.locked}, {@code protection.recovery_wrong}.
 */
public final class Keyring {

    public static final String FILE = "keyring.properties";
    private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final String LEGACY_CHECK = "check";
    private static final String AUDIT_CHECK = "check.audit";

    /**
     * The open data key, the recovery key when it was made just now (show it once), and whether this keyring already
     * says the audit log is chained with the key (decision 1302): false only for a keyring from before the keyed chain,
     * whose log is re-chained once and the keyring then marked ({@link #markAuditKeyed}).
     */
    public record Unlocked(DataKey key, Optional<RecoveryKey> newRecoveryKey, boolean auditKeyed) {
    }

    private Keyring() {
    }

    public static boolean exists(Path dataFolder) {
        return Files.isRegularFile(dataFolder.resolve(FILE));
    }

    public static Unlocked open(Path dataFolder, KeyProtection protection, Optional<RecoveryKey> recovery) {
        Path file = dataFolder.resolve(FILE);
        if (!Files.exists(file)) {
            refuseUnavailable(protection);
            return create(file, protection);
        }
        Properties ring = read(file);
        String id = ring.getProperty("id");
        if (recovery.isPresent()) {
            DataKey key = recover(ring, id, recovery.get());
            refuseUnavailable(protection);
            rewrap(file, ring, key, protection);
            LOG.info("data key recovered with the recovery key and wrapped again ({})", protection.kind());
            return new Unlocked(key, Optional.empty(), auditKeyed(ring, key));
        }
        refuseUnavailable(protection);
        if (!protection.kind().equals(ring.getProperty("protection"))) {
            LOG.error("keyring is protected by {}, settings ask for {}", ring.getProperty("protection"),
                    protection.kind());
            throw new CounterException("protection.locked", ring.getProperty("protection"));
        }
        try {
            DataKey key = DataKey.of(protection.unwrap(B64D.decode(ring.getProperty("wrapped")), id));
            check(ring, key);
            return new Unlocked(key, Optional.empty(), auditKeyed(ring, key));
        } catch (KeyProtection.ProtectionException e) {
            LOG.error("data key cannot be unwrapped: {}", e.getMessage());
            throw new CounterException("protection.locked", e, protection.kind());
        }
    }

    private static void refuseUnavailable(KeyProtection protection) {
        Optional<String> why = protection.unavailable();
        if (why.isPresent()) {
            LOG.error("key protection {} unavailable: {}", protection.kind(), why.get());
            throw new CounterException("protection.unavailable", protection.kind(), why.get());
        }
    }

    private static Unlocked create(Path file, KeyProtection protection) {
        DataKey key = DataKey.generate();
        RecoveryKey recovery = RecoveryKey.generate();
        String id = HexFormat.of().formatHex(Sealing.random(16));
        Properties ring = new Properties();
        ring.setProperty("version", "1");
        ring.setProperty("id", id);
        byte[] salt = Sealing.random(16);
        ring.setProperty("recovery.salt", B64.encodeToString(salt));
        ring.setProperty("recovery.wrapped", B64.encodeToString(Sealing.seal(recovery.kek(salt), key.bytes(), id)));
        ring.setProperty(AUDIT_CHECK, checkValue(key, AUDIT_CHECK));   // a new folder's log is keyed from its start
        rewrap(file, ring, key, protection);
        LOG.info("new data key made, protected by {}", protection.kind());
        return new Unlocked(key, Optional.of(recovery), true);
    }

    private static DataKey recover(Properties ring, String id, RecoveryKey recovery) {
        try {
            byte[] salt = B64D.decode(ring.getProperty("recovery.salt"));
            DataKey key = DataKey.of(Sealing.open(recovery.kek(salt),
                    B64D.decode(ring.getProperty("recovery.wrapped")), id));
            check(ring, key);
            return key;
        } catch (KeyProtection.ProtectionException e) {
            LOG.error("recovery key does not open the keyring");
            throw new CounterException("protection.recovery_wrong", e);
        }
    }

    private static void rewrap(Path file, Properties ring, DataKey key, KeyProtection protection) {
        try {
            ring.setProperty("protection", protection.kind());
            ring.setProperty("wrapped", B64.encodeToString(protection.wrap(key.bytes(), ring.getProperty("id"))));
        } catch (KeyProtection.ProtectionException e) {
            LOG.error("data key cannot be wrapped: {}", e.getMessage());
            throw new CounterException("protection.unavailable", e, protection.kind(), e.getMessage());
        }
        write(file, ring);
    }

    /**
     * The key is this keyring's when it gives the stored check value: {@code check.audit} in a keyring whose audit log
     * is keyed, {@code check} (the only one before) in an older keyring. Someone without the key can neither compute
     * the older value nor, so, make a keyed folder look like one from before the keyed audit chain (decision 1302).
     */
    private static void check(Properties ring, DataKey key) throws KeyProtection.ProtectionException {
        String property = ring.getProperty(AUDIT_CHECK) != null ? AUDIT_CHECK : LEGACY_CHECK;
        if (!matches(ring.getProperty(property, ""), checkValue(key, property))) {
            throw new KeyProtection.ProtectionException("the unwrapped key is not this keyring's");
        }
    }

    private static boolean auditKeyed(Properties ring, DataKey key) {
        String stored = ring.getProperty(AUDIT_CHECK);
        return stored != null && matches(stored, checkValue(key, AUDIT_CHECK));
    }

    private static boolean matches(String stored, String expected) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String checkValue(DataKey key, String property) {
        return B64.encodeToString(java.util.Arrays.copyOf(key.derive(property), 16));
    }

    /**
     * Records in the keyring that the data folder's audit log is now chained with the key: the older check value is
     * replaced by the keyed one (written crash-safely; an already marked keyring is left as it is).
     */
    public static void markAuditKeyed(Path dataFolder, DataKey key) {
        Path file = dataFolder.resolve(FILE);
        Properties ring = read(file);
        if (auditKeyed(ring, key)) {
            return;
        }
        ring.setProperty(AUDIT_CHECK, checkValue(key, AUDIT_CHECK));
        ring.remove(LEGACY_CHECK);
        write(file, ring);
        LOG.info("keyring marked: the audit log is chained with the key");
    }

    private static Properties read(Path file) {
        Properties ring = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            ring.load(in);
        } catch (IOException e) {
            throw new CounterException("protection.locked", e, "keyring");
        }
        if (ring.getProperty("id") == null || ring.getProperty("wrapped") == null) {
            throw new CounterException("protection.locked", "keyring");
        }
        return ring;
    }

    /** Temporary file, fsync, atomic rename: a crash leaves the old keyring or the new, never half of one. */
    private static void write(Path file, Properties ring) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".keyring", ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    Writer out = Channels.newWriter(channel, StandardCharsets.ISO_8859_1)) {
                ring.store(out, "Motcua Counter keyring: the data key, wrapped; useless without the key protection"
                        + " or the recovery key");
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException ignored) {
                // Windows cannot open a folder; NTFS journals the rename
            }
        } catch (IOException e) {
            throw new CounterException("store.folder_unwritable", e, file.getParent());
        }
    }
}
