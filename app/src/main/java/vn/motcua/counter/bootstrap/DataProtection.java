package vn.motcua.counter.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import vn.motcua.counter.adapters.protection.DpapiProtection;
import vn.motcua.counter.adapters.protection.FieldCipher;
import vn.motcua.counter.adapters.protection.KeyFileProtection;
import vn.motcua.counter.adapters.protection.KeyProtection;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.adapters.protection.PassphraseProtection;
import vn.motcua.counter.adapters.protection.RecoveryKey;
import vn.motcua.counter.adapters.protection.TpmProtection;
import vn.motcua.counter.application.CounterException;

/**
 * The data folder's key protection as the settings choose it ({@code security.protection}: {@code auto} is DPAPI on
 * Windows and the key file elsewhere), and the keyring opened with it before anything else in the data folder is
 * (decision 1201). Fails closed: no protection, no counter; {@code tpm} is never chosen by {@code auto}
 * (the clerk's account must be given the TPM device, and a new motherboard then needs the recovery key).
 */
final class DataProtection {

    private DataProtection() {
    }

    static KeyProtection of(Settings settings, Path dataFolder) {
        String kind = settings.get(Settings.SECURITY_PROTECTION).orElse("auto").toLowerCase(Locale.ROOT);
        if (kind.equals("auto")) {
            kind = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "dpapi" : "keyfile";
        }
        return switch (kind) {
            case "keyfile" -> new KeyFileProtection(keyFolder(settings), dataFolder);
            case "passphrase" -> new PassphraseProtection(
                    settings.get(Settings.SECURITY_PASSPHRASE).map(String::toCharArray).orElse(null));
            case "dpapi" -> new DpapiProtection();
            case "tpm" -> tpm(settings);
            default -> throw new CounterException("settings.bad_value", Settings.SECURITY_PROTECTION, kind);
        };
    }

    /** The TPM as the settings reach it, whether or not it is the chosen protection ({@code motcua doctor}). */
    static TpmProtection tpm(Settings settings) {
        return new TpmProtection(
                settings.get(Settings.SECURITY_TPM_TCTI).map(String::strip).orElse(TpmProtection.DEFAULT_TCTI));
    }

    static Path keyFolder(Settings settings) {
        return settings.get(Settings.SECURITY_KEY_DIR).map(Path::of).orElseGet(Settings::defaultKeyDirectory);
    }

    /** Opens (or, in a new data folder, makes) the keyring; a recovery key in the settings unlocks it instead. */
    static Keyring.Unlocked unlock(Settings settings, Path dataFolder) {
        Optional<RecoveryKey> recovery;
        try {
            recovery = settings.get(Settings.SECURITY_RECOVERY_KEY).map(RecoveryKey::parse);
        } catch (IllegalArgumentException e) {
            throw new CounterException("protection.recovery_wrong", e);
        }
        return Keyring.open(dataFolder, of(settings, dataFolder), recovery);
    }

    /**
     * The data folder's column cipher for the tools that only read it (doctor, the support bundle) to open sealed
     * values; null when the keyring is not there or does not open. Opening an existing keyring writes nothing.
     */
    static FieldCipher columnCipher(Settings settings, Path dataFolder) {
        if (!hasKeyring(dataFolder)) {
            return null;
        }
        try {
            return new FieldCipher(unlock(settings, dataFolder).key());
        } catch (CounterException e) {
            return null;
        }
    }

    static boolean hasKeyring(Path dataFolder) {
        return Files.isRegularFile(dataFolder.resolve(Keyring.FILE));
    }
}
