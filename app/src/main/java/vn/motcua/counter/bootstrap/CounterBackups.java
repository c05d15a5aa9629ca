package vn.motcua.counter.bootstrap;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import vn.motcua.counter.adapters.backup.EncryptedBackup;
import vn.motcua.counter.adapters.backup.EncryptedRestore;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.adapters.protection.RecoveryKey;
import vn.motcua.counter.application.Backups;
import vn.motcua.counter.application.CounterException;

/**
 * {@link Backups} for the configured data folder (decision 1203): the data key is opened through the existing
 * {@link Keyring} with this PC's protection ({@code security.*} settings, {@link DataProtection}) and handed to the backup; a restore wraps the
 * recovered key with this PC's protection for the new folder. It takes no instance lock: a backup runs beside the
 * window.
 */
final class CounterBackups implements Backups {

    private final CounterConfiguration configuration;
    private final Clock clock;

    CounterBackups(CounterConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    public Made backUp(Path to) {
        Path data = configuration.dataDirectory();
        if (!java.nio.file.Files.isRegularFile(data.resolve(CounterWiring.DATABASE_FILE))) {
            throw new CounterException("backup.no_data", data);
        }
        Keyring.Unlocked unlocked = DataProtection.unlock(configuration.settings(), data);
        try {
            return new EncryptedBackup(data, unlocked.key(), clock).backUp(to,
                    unlocked.newRecoveryKey().map(RecoveryKey::grouped));
        } finally {
            unlocked.key().destroy();
        }
    }

    @Override
    public Restored restore(Path from, Path dataFolder, String recoveryKey) {
        RecoveryKey recovery;
        try {
            recovery = RecoveryKey.parse(recoveryKey == null ? "" : recoveryKey);
        } catch (IllegalArgumentException e) {
            throw new CounterException("backup.recovery_key_format");
        }
        return new EncryptedRestore(DataProtection.of(configuration.settings(), dataFolder)).restore(from, dataFolder,
                recovery);
    }

    @Override
    public Optional<String> configuredRecoveryKey() {
        return configuration.settings().get(Settings.SECURITY_RECOVERY_KEY);
    }
}
