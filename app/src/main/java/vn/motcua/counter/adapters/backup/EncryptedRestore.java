package vn.motcua.counter.adapters.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.protection.DataKey;
import vn.motcua.counter.adapters.protection.FileCipher;
import vn.motcua.counter.adapters.protection.KeyProtection;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.adapters.protection.RecoveryKey;
import vn.motcua.counter.application.Backups;
import vn.motcua.counter.application.CounterException;

/**
 * Restores an {@link EncryptedBackup} into a new data folder, typically on another PC (decision 1203): the backup's
 * keyring is opened with the recovery key and its data key wrapped again with this PC's protection; then the
 * manifest, the database and every content file are decrypted, each checked against the manifest's size and
 * SHA-256. A wrong recovery key, an altered, cut or swapped file, or a file missing from the backup stops the restore,
 * and what it had written is removed, so a data folder is either restored whole or left as it was (empty).
 */
public final class EncryptedRestore {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptedRestore.class);

    private final KeyProtection protection;

    /** @param protection this PC's protection, which will wrap the data key in the restored folder */
    public EncryptedRestore(KeyProtection protection) {
        this.protection = protection;
    }

    public Backups.Restored restore(Path from, Path dataFolder, RecoveryKey recovery) {
        Path backup = backupFolder(from.toAbsolutePath().normalize());
        Path target = dataFolder.toAbsolutePath().normalize();
        boolean created = !Files.exists(target);
        refuseNonEmpty(target);
        boolean done = false;
        try {
            Files.createDirectories(target);
            Files.copy(backup.resolve(BackupFiles.KEYRING), target.resolve(BackupFiles.KEYRING));
            DataKey key = Keyring.open(target, protection, Optional.of(recovery)).key();
            try {
                Backups.Restored restored = restoreWith(new FileCipher(key), backup, target);
                done = true;
                return restored;
            } finally {
                key.destroy();
            }
        } catch (IOException e) {
            LOG.error("restore from {} failed", backup, e);
            throw new CounterException("backup.unreadable", e, backup);
        } finally {
            if (!done) {
                undo(target, created);
            }
        }
    }

    private Backups.Restored restoreWith(FileCipher cipher, Path backup, Path target) throws IOException {
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(new String(cipher.decrypt(Files.readAllBytes(
                    backup.resolve(BackupFiles.MANIFEST)), BackupFiles.AAD + BackupFiles.MANIFEST),
                    StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            LOG.error("backup manifest unreadable or altered", e);
            throw new CounterException("backup.damaged", e, BackupFiles.MANIFEST);
        }
        if (!manifest.keyringId().equals(BackupFiles.keyringId(backup.resolve(BackupFiles.KEYRING)))) {
            throw new CounterException("backup.damaged", BackupFiles.KEYRING);
        }
        Path database = target.resolve(EncryptedBackup.DATABASE_FILE);
        openChecked(cipher, backup.resolve(BackupFiles.DATABASE), database, manifest.database());
        Path content = target.resolve(EncryptedBackup.CONTENT_FOLDER);
        for (BackupManifest.Item item : manifest.files()) {
            openChecked(cipher, backup.resolve(BackupFiles.FILES).resolve(item.path() + BackupFiles.SEALED),
                    content.resolve(item.path()), item);
        }
        LOG.info("restored {} dossiers and {} content files", manifest.dossiers(), manifest.files().size());
        return new Backups.Restored(target, backup, manifest.dossiers(), manifest.files().size());
    }

    /** Decrypts through a temporary file and keeps it only when size and hash are the manifest's. */
    private static void openChecked(FileCipher cipher, Path sealed, Path plain, BackupManifest.Item item)
            throws IOException {
        if (!Files.isRegularFile(sealed)) {
            throw new CounterException("backup.damaged", item.path());
        }
        Path tmp = plain.resolveSibling(plain.getFileName() + ".restoring");
        String sha;
        try {
            sha = BackupFiles.open(cipher, sealed, tmp, item.path());
        } catch (IOException e) {
            LOG.error("backup file {} altered, cut or not of this backup", item.path(), e);
            throw new CounterException("backup.damaged", e, item.path());
        }
        if (!sha.equals(item.sha256()) || Files.size(tmp) != item.size()) {
            throw new CounterException("backup.damaged", item.path());
        }
        Files.move(tmp, plain, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code from} itself, or the newest finished backup inside it. */
    static Path backupFolder(Path from) {
        if (Files.isRegularFile(from.resolve(BackupFiles.MANIFEST))) {
            return from;
        }
        try (Stream<Path> inside = Files.list(from)) {
            return inside.filter(p -> p.getFileName().toString().startsWith(BackupFiles.PREFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(BackupFiles.MANIFEST)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new CounterException("backup.not_found", from));
        } catch (IOException e) {
            throw new CounterException("backup.not_found", e, from);
        }
    }

    private static void refuseNonEmpty(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new CounterException("store.folder_not_a_folder", target);
        }
        try (Stream<Path> inside = Files.list(target)) {
            if (inside.findAny().isPresent()) {
                throw new CounterException("backup.target_not_empty", target);
            }
        } catch (IOException e) {
            throw new CounterException("store.folder_unwritable", e, target);
        }
    }

    /** A failed restore leaves the folder as it found it: absent, or empty. */
    private static void undo(Path target, boolean created) {
        try {
            if (created) {
                BackupFiles.deleteTree(target);
            } else if (Files.isDirectory(target)) {
                try (Stream<Path> inside = Files.list(target)) {
                    for (Path p : (Iterable<Path>) inside::iterator) {
                        if (Files.isDirectory(p)) {
                            BackupFiles.deleteTree(p);
                        } else {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot remove what the failed restore wrote in {}", target, e);
        }
    }
}
