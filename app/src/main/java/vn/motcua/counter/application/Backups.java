package vn.motcua.counter.application;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Encrypted backups of a data folder, and restoring one into a fresh folder on another PC with the recovery key
 * (docs/decisions/1203-backup-and-restore.md). Both faces reach it through {@link CounterAccess#backups()}.
 */
public interface Backups {

    /**
     * A finished backup.
     *
     * @param folder         the backup's own folder, inside the one asked for
     * @param newRecoveryKey the data folder had no key yet: it was made for this backup, and this recovery key (shown
     *                       once, to be printed) is the only way to restore it on another PC
     */
    record Made(Path folder, long dossiers, int files, long bytes, Optional<String> newRecoveryKey) {
    }

    record Restored(Path dataFolder, Path backup, long dossiers, int files) {
    }

    /**
     * Backs the data folder up into a new folder inside {@code to}, consistently while the counter runs: the database
     * through SQLite's online backup, then every content file it refers to, all encrypted with the data key.
     *
     * @throws CounterException when the key cannot be opened, {@code to} cannot be written, or the data is incomplete
     */
    Made backUp(Path to);

    /**
     * Restores the backup in {@code from} (a backup folder, or a folder holding backups: the newest) into
     * {@code dataFolder}, which must be new or empty; the data key is unwrapped with {@code recoveryKey} and wrapped
     * again with this PC's protection.
     *
     * @throws CounterException for a wrong recovery key ({@code protection.recovery_wrong}), a damaged or altered
     *                          backup, or a data folder that is not empty
     */
    Restored restore(Path from, Path dataFolder, String recoveryKey);

    /** The recovery key the settings give ({@code security.recovery_key}, MOTCUA_SECURITY_RECOVERY_KEY), if any. */
    Optional<String> configuredRecoveryKey();
}
