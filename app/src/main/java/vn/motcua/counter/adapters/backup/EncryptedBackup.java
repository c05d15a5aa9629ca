package vn.motcua.counter.adapters.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.protection.DataKey;
import vn.motcua.counter.adapters.protection.FileCipher;
import vn.motcua.counter.adapters.store.DatabaseSnapshot;
import vn.motcua.counter.application.Backups;
import vn.motcua.counter.application.CounterException;

/**
 * Backs a data folder up, encrypted, while the counter may be running (decision 1203): SQLite's online backup makes
 * a consistent copy of the database (in the data folder, never outside it in clear), then every content file that
 * copy refers to is sealed with the data key beside it (content files are never changed once stored, so the copy's
 * references are all there), and an encrypted manifest lists them with their hashes. The backup is written as
 * {@code .motcua-backup-….partial} and renamed when whole, so a half-written one is never taken for a backup. The
 * keyring (the data key wrapped by the recovery key and this PC's protection) goes along; nothing else is in clear.
 */
public final class EncryptedBackup {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptedBackup.class);
    /** The data folder's layout (the composition root's {@code CounterWiring.DATABASE_FILE}/{@code CONTENT_FOLDER}). */
    public static final String DATABASE_FILE = "motcua.db";
    public static final String CONTENT_FOLDER = "files";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The unencrypted copy of the database a backup makes, in the data folder, while it seals it. */
    public static final String SNAPSHOT_PREFIX = ".backup-";

    private final Path dataFolder;
    private final DataKey key;
    private final Clock clock;

    /** @param key the data folder's open data key ({@code Keyring.open}); the backup is sealed with it */
    public EncryptedBackup(Path dataFolder, DataKey key, Clock clock) {
        this.dataFolder = dataFolder.toAbsolutePath().normalize();
        this.key = key;
        this.clock = clock;
    }

    public Backups.Made backUp(Path to, Optional<String> newRecoveryKey) {
        Path target = to.toAbsolutePath().normalize();
        if (target.startsWith(dataFolder)) {
            throw new CounterException("backup.target_inside_data", target);
        }
        if (!Files.isRegularFile(dataFolder.resolve(DATABASE_FILE))) {
            throw new CounterException("backup.no_data", dataFolder);
        }
        removeStaleSnapshots(dataFolder);
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Path partial = target.resolve("." + BackupFiles.PREFIX + stamp + ".partial");
        Path finished = free(target.resolve(BackupFiles.PREFIX + stamp));
        // in the data folder, never outside it; named by this process, so a later start knows a killed backup's copy
        Path snapshot = dataFolder.resolve(SNAPSHOT_PREFIX + ProcessHandle.current().pid() + "-"
                + HexFormat.of().formatHex(random()) + ".db");
        try {
            try {
                Files.createDirectories(target);
                BackupFiles.deleteTree(partial);
                Files.createDirectories(partial);
            } catch (IOException e) {
                throw new CounterException("backup.target_unwritable", e, target);
            }
            FileCipher cipher = new FileCipher(key);
            DatabaseSnapshot.Copied copied = DatabaseSnapshot.copy(dataFolder.resolve(DATABASE_FILE), snapshot);
            BackupManifest.Item database = new BackupManifest.Item(DATABASE_FILE, Files.size(snapshot),
                    BackupFiles.seal(cipher, snapshot, partial.resolve(BackupFiles.DATABASE), DATABASE_FILE));
            DatabaseSnapshot.remove(snapshot);
            List<BackupManifest.Item> files = new ArrayList<>();
            long bytes = database.size();
            Path content = dataFolder.resolve(CONTENT_FOLDER);
            for (String id : new TreeSet<>(copied.referencedContent())) {
                String path = id.substring(0, 2) + "/" + id;
                Path file = content.resolve(path);
                if (!Files.isRegularFile(file)) {
                    LOG.error("backup refused: content {} referenced by the database is missing", id);
                    throw new CounterException("backup.content_missing", id);
                }
                String sha = BackupFiles.seal(cipher, file,
                        partial.resolve(BackupFiles.FILES).resolve(path + BackupFiles.SEALED), path);
                long size = Files.size(file);
                files.add(new BackupManifest.Item(path, size, sha));
                bytes += size;
            }
            Path keyring = dataFolder.resolve(BackupFiles.KEYRING);
            Files.copy(keyring, partial.resolve(BackupFiles.KEYRING));
            BackupManifest manifest = new BackupManifest(BackupFiles.keyringId(keyring), clock.instant(),
                    copied.dossiers(), database, files);
            Files.write(partial.resolve(BackupFiles.MANIFEST), cipher.encrypt(
                    manifest.write().getBytes(StandardCharsets.UTF_8), BackupFiles.AAD + BackupFiles.MANIFEST));
            Files.move(partial, finished, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("backup made: {} dossiers, {} content files, {} bytes", copied.dossiers(), files.size(), bytes);
            return new Backups.Made(finished, copied.dossiers(), files.size(), bytes, newRecoveryKey);
        } catch (IOException e) {
            LOG.error("backup to {} failed", target, e);
            throw new CounterException("backup.target_unwritable", e, target);
        } finally {
            DatabaseSnapshot.remove(snapshot);
            try {
                BackupFiles.deleteTree(partial);
            } catch (IOException e) {
                LOG.warn("cannot remove the partial backup {}", partial, e);
            }
        }
    }

    /**
     * Removes the database copies (and their journals) that backups killed part-way left in {@code dataFolder}: an
     * unencrypted copy of the database must not outlive its backup. A copy whose process is still running (a backup
     * beside this one) stays; one without a process id (from an older version) is stale.
     *
     * @return how many copies were removed
     */
    public static int removeStaleSnapshots(Path dataFolder) {
        List<Path> stale = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(dataFolder)) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(SNAPSHOT_PREFIX) && name.endsWith(".db") && !runningBackup(name);
            }).forEach(stale::add);
        } catch (IOException e) {
            LOG.warn("cannot look for stale backup copies in {}", dataFolder, e);
            return 0;
        }
        for (Path copy : stale) {
            DatabaseSnapshot.remove(copy);
            LOG.warn("removed {} left by a backup that did not finish", copy.getFileName());
        }
        return stale.size();
    }

    /** Whether {@code .backup-PID-RANDOM.db} belongs to a process that is still running. */
    private static boolean runningBackup(String name) {
        String rest = name.substring(SNAPSHOT_PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A second backup in the same second gets its own folder. */
    private static Path free(Path folder) {
        Path candidate = folder;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = folder.resolveSibling(folder.getFileName() + "-" + i);
        }
        return candidate;
    }

    private static byte[] random() {
        byte[] bytes = new byte[8];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
