package vn.motcua.counter.bootstrap;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import vn.motcua.counter.adapters.backup.EncryptedBackup;
import vn.motcua.counter.adapters.backup.EncryptedRestore;
import vn.motcua.counter.adapters.protection.DpapiProtection;
import vn.motcua.counter.adapters.protection.KeyFileProtection;
import vn.motcua.counter.adapters.protection.KeyProtection;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.adapters.protection.PassphraseProtection;
import vn.motcua.counter.adapters.protection.RecoveryKey;
import vn.motcua.counter.application.Backups;
import vn.motcua.counter.application.CounterException;

/**
 * {@link Backups} for the configured data folder (decision 1203): the data key is opened through the existing
 * {@link Keyring} with this PC's protection ({@code security.*} settings) and handed to the backup; a restore wraps the
 * recovered key with this PC's protection for the new folder. It takes no instance lock: a backup runs beside the
 * window.
 */
final class CounterBackups implements Backups {

    /** Where key files live when {@code security.key.dir} is unset (decision 1201). */
    static final Path DEFAULT_KEY_DIR = Path.of("/var/lib/motcua/keys");

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
        Keyring.Unlocked unlocked = Keyring.open(data, protection(configuration.settings(), data), Optional.empty());
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
        return new EncryptedRestore(protection(configuration.settings(), dataFolder)).restore(from, dataFolder,
                recovery);
    }

    @Override
    public Optional<String> configuredRecoveryKey() {
        return configuration.settings().get(Settings.SECURITY_RECOVERY_KEY);
    }

    /**
     * This PC's key protection for {@code dataFolder} from the {@code security.*} settings. (The keyring's wiring
     * into the counter's start has the same choice; when it lands, both should use one factory.)
     */
    static KeyProtection protection(Settings settings, Path dataFolder) {
        String kind = settings.get(Settings.SECURITY_PROTECTION).orElse("auto");
        if (kind.equals("auto")) {
            kind = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "dpapi" : "keyfile";
        }
        return switch (kind) {
            case "passphrase" -> new PassphraseProtection(settings.get(Settings.SECURITY_PASSPHRASE)
                    .map(String::toCharArray).orElse(null));
            case "dpapi" -> new DpapiProtection();
            default -> new KeyFileProtection(settings.get(Settings.SECURITY_KEY_DIR).map(Path::of)
                    .orElse(DEFAULT_KEY_DIR), dataFolder);
        };
    }
}
